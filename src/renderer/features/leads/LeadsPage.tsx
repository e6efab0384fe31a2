// The leads list: status tabs, source/owner/overdue filters and a text search, a virtualised
// table (overdue follow-ups in red), multi-select with assign and delete, and the New drawer.
import { Button, Checkbox, Input, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type Lead } from '../../../shared/leads';
import { call } from '../../api';
import { useHotkeys } from '../../components/useHotkeys';
import { usePaged } from '../../components/usePaged';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { navigate, routeHash } from '../../components/router';
import { OwnerSelect } from '../app/OwnerSelect';
import { AssignButton } from './AssignDialog';
import { LeadForm } from './LeadForm';
import { formatTime, NextFollowUp, StatusTag } from './StatusTag';
import { cleanLeadFilter, useLeadsUi, usePicklists } from './store';
import { useDeleteLeads } from './useDeleteLeads';

function useColumns(): Column<Lead>[] {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('leads.none')}</Typography.Text>;
  return [
    {
      key: 'name',
      title: t('leads.field.name'),
      width: '2fr',
      render: (l) => (
        <span>
          <a href={routeHash({ page: 'lead', id: l.id })} className="row-link" data-testid="lead-row-name">
            {l.name}
          </a>
          {l.companyName && <Typography.Text type="secondary"> · {l.companyName}</Typography.Text>}
        </span>
      ),
    },
    { key: 'status', title: t('leads.field.status'), width: '100px', render: (l) => <StatusTag status={l.status} /> },
    { key: 'mobile', title: t('leads.field.mobile'), width: '130px', render: (l) => l.mobile ?? none },
    { key: 'source', title: t('leads.field.source'), width: '100px', hideBelow: 900, render: (l) => l.source ?? none },
    { key: 'owner', title: t('leads.field.owner'), width: '100px', render: (l) => l.ownerName ?? none },
    { key: 'next', title: t('leads.field.nextFollowUpAt'), width: '210px', render: (l) => <NextFollowUp lead={l} /> },
    { key: 'created', title: t('leads.field.createdAt'), width: '140px', hideBelow: 1000, render: (l) => formatTime(l.createdAt) },
  ];
}

function LeadFilters() {
  const { t } = useTranslation();
  const { filter, sort, setFilter, setSort } = useLeadsUi();
  const sources = usePicklists((s) => s.lists.lead_source) ?? [];
  const loadList = usePicklists((s) => s.load);
  useEffect(() => void loadList('lead_source'), [loadList]);
  return (
    <Space wrap className="filter-bar" data-testid="lead-filters">
      <Segmented
        value={filter.status ?? 'all'}
        onChange={(v) => setFilter({ status: v === 'all' ? null : (v as Lead['status']) })}
        options={[{ value: 'all', label: t('leads.all') }, ...LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))]}
        data-testid="lead-status-tabs"
      />
      <Input.Search allowClear placeholder={t('leads.search')} style={{ width: 220 }} onSearch={(q) => setFilter({ q })} data-testid="lead-search" />
      <Select
        allowClear
        placeholder={t('leads.anySource')}
        style={{ minWidth: 120 }}
        value={filter.source ?? undefined}
        onChange={(v?: string) => setFilter({ source: v ?? null })}
        options={sources.map((s) => ({ value: s.label, label: s.label }))}
      />
      <OwnerSelect value={filter.ownerId} onChange={(ownerId) => setFilter({ ownerId })} />
      <Checkbox checked={Boolean(filter.overdue)} onChange={(e) => setFilter({ overdue: e.target.checked })} data-testid="lead-overdue-filter">
        {t('leads.overdueOnly')}
      </Checkbox>
      <Select
        value={sort}
        onChange={setSort}
        style={{ minWidth: 140 }}
        options={(['next', 'created'] as const).map((s) => ({ value: s, label: t(`leads.sort.${s}`) }))}
      />
    </Space>
  );
}

export function LeadsPage() {
  const { t } = useTranslation();
  const { filter, sort, selected, setSelected, editing, setEditing } = useLeadsUi();
  const deleteLeads = useDeleteLeads();
  const columns = useColumns();
  const query = { filter: cleanLeadFilter(filter), sort };
  const paged = usePaged(JSON.stringify(query), (cursor) => call('leads.list', { ...query, cursor, limit: 200 }));
  const refresh = () => {
    setSelected([]);
    paged.reload();
  };
  const remove = (ids: string[]) => void deleteLeads(ids, refresh);
  useHotkeys({ n: () => setEditing('new') });

  return (
    <div className="list-page" data-testid="leads-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('leads.title')}</Typography.Title>
        <Space>
          {selected.length > 0 && <Typography.Text type="secondary">{t('list.selected', { count: selected.length })}</Typography.Text>}
          <AssignButton ids={selected} onDone={refresh} />
          <Button danger icon={<DeleteOutlined />} disabled={selected.length === 0} onClick={() => remove(selected)}>
            {t('common.delete')}
          </Button>
          <Tooltip title={`${t('common.new')} (N)`}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-lead">
              {t('leads.new')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <LeadFilters />
      <Typography.Text type="secondary" className="keys-hint">
        {t('list.loaded', { count: paged.count })}
      </Typography.Text>
      <VirtualTable
        testId="leads-list"
        paged={paged}
        columns={columns}
        rowKey={(r) => r.id}
        selected={selected}
        onSelect={setSelected}
        onOpen={(r) => navigate({ page: 'lead', id: r.id })}
        onDelete={remove}
      />
      <LeadForm
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(lead) => {
          setEditing(null);
          if (editing === 'new') navigate({ page: 'lead', id: lead.id });
          else refresh();
        }}
      />
    </div>
  );
}
