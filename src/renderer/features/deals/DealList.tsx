// 列表: the opportunities of the pipeline on show, filtered, with the totals of the whole filter
// (count, amount, weighted amount) above a virtualised table over keyset pages.
import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Input, Select, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DealSort, DealTotals, Opportunity, Pipeline } from '../../../shared/deals';
import { formatMoney } from '../../../shared/money';
import type { SortDir } from '../../../shared/paging';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate, routeHash } from '../../components/router';
import { usePaged } from '../../components/usePaged';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { OwnerSelect } from '../app/OwnerSelect';
import { CustomerSelect } from '../customers/CustomerSelect';
import { StatusTag } from './StatusTag';
import { useDeals } from './store';

const SORTS: { sort: DealSort; dir: SortDir }[] = [
  { sort: 'updated', dir: 'desc' },
  { sort: 'close', dir: 'asc' },
  { sort: 'amount', dir: 'desc' },
  { sort: 'name', dir: 'asc' },
];

export function DealList({ pipeline, generation }: { pipeline: Pipeline; generation: number }) {
  const { t } = useTranslation();
  const { filter, setFilter } = useDeals();
  const [sort, setSort] = useState<DealSort>('updated');
  const [selected, setSelected] = useState<string[]>([]);
  const [totals, setTotals] = useState<DealTotals | null>(null);
  const dir = SORTS.find((s) => s.sort === sort)?.dir ?? 'desc';
  const query = { filter: { ...filter, pipelineId: pipeline.id }, sort, dir };
  const paged = usePaged(`${JSON.stringify(query)}|${generation}`, async (cursor) => {
    const page = await call('deals.list', { ...query, cursor, limit: 200 });
    setTotals(page.totals);
    return page;
  });

  return (
    <div className="list-page">
      <div className="filter-bar deal-filters" data-testid="deal-filters">
        <Input.Search allowClear placeholder={t('deals.list.search')} style={{ width: 220 }} defaultValue={filter.q ?? ''} onSearch={(q) => setFilter({ q: q || null })} data-testid="deal-search" />
        <Select
          allowClear
          placeholder={t('deals.fields.stage')}
          style={{ width: 140 }}
          value={filter.stageId ?? undefined}
          onChange={(v?: string) => setFilter({ stageId: v ?? null })}
          options={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          allowClear
          placeholder={t('deals.fields.status')}
          style={{ width: 120 }}
          value={filter.status ?? undefined}
          onChange={(v?: 'open' | 'won' | 'lost') => setFilter({ status: v ?? null })}
          options={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`deals.status.${s}`) }))}
          data-testid="deal-status-filter"
        />
        <OwnerSelect value={filter.ownerId} onChange={(v) => setFilter({ ownerId: v })} />
        <div className="company-filter">
          <CustomerSelect kind="company" value={filter.companyId} onChange={(v) => setFilter({ companyId: v })} />
        </div>
        <DatePicker.RangePicker
          placeholder={[t('deals.list.closeFrom'), t('deals.list.closeTo')]}
          value={filter.close?.from && filter.close?.to ? [dayjs(filter.close.from), dayjs(filter.close.to)] : null}
          onChange={(r) => setFilter({ close: r?.[0] && r[1] ? { from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') } : undefined })}
        />
        <Checkbox checked={filter.deleted ?? false} onChange={(e) => setFilter({ deleted: e.target.checked })} data-testid="deal-trash-filter">
          {t('deals.list.trash')}
        </Checkbox>
        <Select
          style={{ width: 180 }}
          value={sort}
          onChange={setSort}
          aria-label={t('deals.list.sort')}
          options={SORTS.map((s) => ({ value: s.sort, label: t(`deals.sort.${s.sort}`) }))}
        />
      </div>
      <div className="deal-totals" data-testid="deal-totals">
        <Statistic title={t('deals.totals.count')} value={totals?.count ?? 0} />
        <Statistic title={t('deals.totals.amount')} value={formatMoney(totals?.amount ?? 0)} />
        <Statistic title={t('deals.totals.weighted')} value={formatMoney(totals?.weighted ?? 0)} />
      </div>
      {paged.error !== null && <Alert type="error" showIcon title={errorText(t, paged.error)} style={{ marginBottom: 8 }} />}
      <VirtualTable
        testId="deal-list"
        paged={paged}
        columns={columns(t)}
        rowKey={(r) => r.id}
        selected={selected}
        onSelect={setSelected}
        onOpen={(r) => navigate({ page: 'deal', id: r.id })}
      />
    </div>
  );
}

const columns = (t: (key: string) => string): Column<Opportunity>[] => [
  {
    key: 'name',
    title: t('deals.fields.name'),
    width: '2fr',
    render: (r) => (
      <a href={routeHash({ page: 'deal', id: r.id })} className="row-link">
        {r.name}
      </a>
    ),
  },
  { key: 'company', title: t('fields.company'), width: '1.5fr', render: (r) => r.companyName ?? '—' },
  { key: 'stage', title: t('deals.fields.stage'), width: '110px', render: (r) => r.stageName },
  { key: 'status', title: t('deals.fields.status'), width: '80px', render: (r) => <StatusTag status={r.status} /> },
  { key: 'amount', title: t('deals.fields.amount'), width: '130px', render: (r) => <span className="num">{formatMoney(r.amount, r.currency)}</span> },
  { key: 'probability', title: t('deals.fields.probabilityShort'), width: '70px', hideBelow: 1000, render: (r) => `${r.probability}%` },
  { key: 'weighted', title: t('deals.fields.weighted'), width: '130px', hideBelow: 1000, render: (r) => <span className="num">{formatMoney(r.weighted, r.currency)}</span> },
  { key: 'close', title: t('deals.fields.expectedClose'), width: '110px', hideBelow: 900, render: (r) => r.expectedClose ?? '—' },
  { key: 'owner', title: t('fields.owner'), width: '90px', render: (r) => r.ownerName ?? '—' },
];
