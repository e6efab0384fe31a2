// Quotes | Orders: newest first, filtered by status; a new quote by hand from here (quotes from
// an opportunity start on the opportunity's page).
import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { ORDER_STATUSES, QUOTE_STATUSES, type OrderSummary, type QuoteSummary } from '../../../shared/orders';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { usePaged } from '../../components/usePaged';
import { QuoteForm } from './QuoteForm';
import { OrderStatusTag, QuoteStatusTag } from './StatusTag';
import { useOrdersUi } from './store';
import './orders.css';

export function OrdersPage() {
  const { t } = useTranslation();
  const { tab, set } = useOrdersUi();
  const [creating, setCreating] = useState(false);
  return (
    <div className="list-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('nav.orders')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="quote-new">
          {t('orders.quotes.new')}
        </Button>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key as 'quotes' | 'orders' })}
        items={[
          { key: 'quotes', label: t('orders.tabs.quotes'), children: <QuoteList /> },
          { key: 'orders', label: t('orders.tabs.orders'), children: <OrderList /> },
        ]}
      />
      {creating && <QuoteForm editing="new" onClose={() => setCreating(false)} onSaved={(q) => navigate({ page: 'quote', id: q.id })} />}
    </div>
  );
}

const customerOf = (r: { companyName: string | null; contactName: string | null }) => [r.companyName, r.contactName].filter(Boolean).join(' · ');
const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

function QuoteList() {
  const { t } = useTranslation();
  const { quoteStatus, set } = useOrdersUi();
  const paged = usePaged(`quotes:${quoteStatus}`, (cursor) => call('quotes.list', { status: quoteStatus, cursor, limit: 100 }));
  return (
    <PagedTable<QuoteSummary>
      testId="quote-list"
      paged={paged}
      empty={t('orders.quotes.empty')}
      filter={
        <Select
          allowClear
          placeholder={t('orders.quotes.allStatuses')}
          value={quoteStatus}
          onChange={(v?: QuoteSummary['status']) => set({ quoteStatus: v ?? null })}
          options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`orders.quotes.status.${s}`) }))}
          style={{ width: 160 }}
          data-testid="quote-status-filter"
        />
      }
      onOpen={(q) => navigate({ page: 'quote', id: q.id })}
      columns={[
        { key: 'number', title: t('orders.quotes.number'), dataIndex: 'number', width: 170 },
        { key: 'customer', title: t('orders.quotes.customer'), render: (_, q) => customerOf(q) },
        { key: 'opportunity', title: t('orders.quotes.opportunity'), dataIndex: 'opportunityName' },
        { key: 'status', title: t('orders.quotes.statusTitle'), width: 100, render: (_, q) => <QuoteStatusTag status={q.status} /> },
        { key: 'total', title: t('orders.totals.total'), align: 'right', width: 140, render: (_, q) => formatMoney(q.total, q.currency) },
        { key: 'validUntil', title: t('orders.quotes.validUntil'), dataIndex: 'validUntil', width: 120 },
        { key: 'created', title: t('orders.quotes.created'), width: 120, render: (_, q) => day(q.createdAt) },
      ]}
    />
  );
}

function OrderList() {
  const { t } = useTranslation();
  const { orderStatus, set } = useOrdersUi();
  const paged = usePaged(`orders:${orderStatus}`, (cursor) => call('orders.list', { status: orderStatus, cursor, limit: 100 }));
  return (
    <PagedTable<OrderSummary>
      testId="order-list"
      paged={paged}
      empty={t('orders.orders.empty')}
      filter={
        <Select
          allowClear
          placeholder={t('orders.orders.allStatuses')}
          value={orderStatus}
          onChange={(v?: OrderSummary['status']) => set({ orderStatus: v ?? null })}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.orders.status.${s}`) }))}
          style={{ width: 160 }}
          data-testid="order-status-filter"
        />
      }
      onOpen={(o) => navigate({ page: 'order', id: o.id })}
      columns={[
        { key: 'number', title: t('orders.orders.number'), dataIndex: 'number', width: 170 },
        { key: 'customer', title: t('orders.quotes.customer'), render: (_, o) => customerOf(o) },
        { key: 'quote', title: t('orders.orders.fromQuote'), dataIndex: 'quoteNumber', width: 170 },
        { key: 'status', title: t('orders.quotes.statusTitle'), width: 100, render: (_, o) => <OrderStatusTag status={o.status} /> },
        { key: 'total', title: t('orders.totals.total'), align: 'right', width: 140, render: (_, o) => formatMoney(o.total, o.currency) },
        { key: 'created', title: t('orders.orders.created'), width: 120, render: (_, o) => day(o.createdAt) },
      ]}
    />
  );
}

interface PagedTableProps<T> {
  testId: string;
  paged: ReturnType<typeof usePaged<T>>;
  empty: string;
  filter: React.ReactNode;
  onOpen(row: T): void;
  columns: NonNullable<React.ComponentProps<typeof Table<T>>['columns']>;
}

/** A status filter, the rows loaded so far (click opens one), and "load more". */
function PagedTable<T extends { id: string }>({ testId, paged, empty, filter, onOpen, columns }: PagedTableProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>{filter}</Space>
      {paged.error !== null && <Alert type="error" showIcon title={errorText(t, paged.error)} style={{ marginBottom: 8 }} />}
      <Table<T>
        data-testid={testId}
        size="middle"
        rowKey="id"
        pagination={false}
        loading={paged.count === 0 && !paged.done}
        dataSource={paged.rows()}
        locale={{ emptyText: empty }}
        onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
        columns={columns}
      />
      {!paged.done && paged.count > 0 && (
        <Button type="link" onClick={paged.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}

