// The global search (Ctrl+K): contacts and companies together; arrows move, Enter opens.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Empty, Input, Modal, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search';
import { call } from '../../api';
import { navigate, recordRoute } from '../../components/router';
import { useSearchUi } from './store';

function SearchBox({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; hits: SearchHit[] }>({ q: '', hits: [] });
  const [active, setActive] = useState(0);
  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const timer = setTimeout(() => {
      call('search.global', { q: query, limit: 20 }).then(
        (hits) => {
          setResult({ q: query, hits });
          setActive(0);
        },
        () => setResult({ q: query, hits: [] }),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [q]);
  const hits = q.trim() ? result.hits : [];
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    navigate(recordRoute(hit.type, hit.id));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') open(hits[active]);
    else return;
    e.preventDefault();
  };
  return (
    <>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      <div className="search-results" role="listbox" aria-label={t('search.results')}>
        {hits.map((hit, i) => (
          <div
            key={`${hit.type}-${hit.id}`}
            role="option"
            aria-selected={i === active}
            className={`search-hit${i === active ? ' active' : ''}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(hit)}
          >
            <Tag color={hit.type === 'contact' ? 'blue' : 'green'}>{t(`search.type.${hit.type}`)}</Tag>
            <span className="search-name">{hit.name}</span>
            {hit.detail && <span className="muted">{hit.detail}</span>}
          </div>
        ))}
        {q.trim() && result.q === q.trim() && hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />}
      </div>
      <div className="muted search-keys">{t('search.keys')}</div>
    </>
  );
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const { open, hide } = useSearchUi();
  return (
    <Modal open={open} onCancel={hide} footer={null} closable={false} destroyOnHidden title={t('search.title')} width={600}>
      <SearchBox onClose={hide} />
    </Modal>
  );
}
