// One company: all fields, tags, custom fields, its contacts and the interaction timeline.
import { useState } from 'react';
import { Button, Card, List, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { usePaged } from '../../components/usePaged';
import { ShareControl } from '../admin/ShareControl';
import { ContactForm } from '../contacts/ContactForm';
import { CustomerDetail } from '../customers/CustomerDetail';
import { CATEGORY_COLORS } from './CompaniesPage';
import { CompanyForm } from './CompanyForm';
import { useCompaniesUi } from './store';

function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const paged = usePaged(companyId, (cursor) =>
    call('contacts.list', { filter: { companyId }, sort: 'name', dir: 'asc', cursor, limit: 50 }),
  );
  return (
    <Card
      size="small"
      title={t('company.contacts')}
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('contact.new')}
        </Button>
      }
    >
      <List
        size="small"
        dataSource={paged.rows()}
        locale={{ emptyText: t('company.noContacts') }}
        renderItem={(c) => (
          <List.Item>
            <a href={`#/contacts/${encodeURIComponent(c.id)}`}>{c.name}</a>
            <span className="muted">{[c.title, c.mobiles[0]].filter(Boolean).join(' · ')}</span>
          </List.Item>
        )}
        loadMore={!paged.done && <Button block onClick={paged.loadMore}>{t('common.loadMore')}</Button>}
      />
      <ContactForm
        key={adding ? 'new' : 'closed'}
        editing={adding ? 'new' : null}
        companyId={companyId}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          paged.reload();
        }}
      />
    </Card>
  );
}

const get = (id: string) => call('companies.get', { id });

export function CompanyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CustomerDetail
      entity="company"
      id={id}
      get={get}
      store={useCompaniesUi}
      form={CompanyForm}
      headerExtra={(c) => <ShareControl entity="company" id={c.id} />}
      own={(c) => [
        { key: 'category', label: t('fields.category'), children: <Tag color={CATEGORY_COLORS[c.category]}>{t(`category.${c.category}`)}</Tag> },
        { key: 'industry', label: t('fields.industry'), children: c.industry },
        { key: 'size', label: t('fields.size'), children: c.size && t('company.sizeValue', { size: c.size }) },
        { key: 'phone', label: t('fields.phone'), children: c.phone },
        { key: 'website', label: t('fields.website'), children: c.website },
        { key: 'source', label: t('fields.source'), children: c.source },
      ]}
      below={(c) => <CompanyContacts companyId={c.id} />}
    />
  );
}
