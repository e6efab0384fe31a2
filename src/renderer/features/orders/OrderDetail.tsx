// One order: its steps (待确认 → 已确认 → 已发货 → 已完成, or 已取消), the next step's button,
// lines and totals, and what it did to stock (reserved on confirming, returned on cancelling).
import { Button, Card, Popconfirm, Result, Space, Spin, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ShareControl } from '../admin/ShareControl';
import type { Order, OrderStatus, StockMove } from '../../../shared/orders';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { LinesTable } from './LinesTable';
import { OrderStatusTag } from './StatusTag';
import { Totals } from './Totals';
import { useAction } from './useAction';
import './orders.css';

type Next = 'confirmed' | 'shipped' | 'completed';
const NEXT: Partial<Record<OrderStatus, { to: Next; label: string }>> = {
  pending: { to: 'confirmed', label: 'orders.orders.confirm' },
  confirmed: { to: 'shipped', label: 'orders.orders.ship' },
  shipped: { to: 'completed', label: 'orders.orders.complete' },
};
const STEPS = ['pending', 'confirmed', 'shipped', 'completed'] as const;

export function OrderDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useQuery(`order:${id}`, () => call('orders.get', { id }));
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!data) return <Spin />;
  return (
    <div>
      <OrderHeader order={data} onChanged={reload} />
      <OrderSteps order={data} />
      <div className="detail-side">
        <Card size="small" title={t('orders.lines.title')}>
          <LinesTable lines={data.lines} currency={data.currency} />
          <Totals totals={data} currency={data.currency} />
        </Card>
        <StockCard order={data} />
      </div>
    </div>
  );
}

function OrderHeader({ order, onChanged }: { order: Order; onChanged(): void }) {
  const { t } = useTranslation();
  const { busy, run } = useAction();
  const setStatus = (status: Next | 'cancelled') => run(status, () => call('orders.setStatus', { id: order.id, status }), onChanged);
  const next = NEXT[order.status];
  const cancellable = order.status === 'pending' || order.status === 'confirmed' || order.status === 'shipped';
  return (
    <div className="page-head">
      <PageTitle title={`${t('orders.orders.title')} ${order.number}`} onBack={() => navigate({ page: 'orders' })} testId="order-number">
        <OrderStatusTag status={order.status} />
        {order.quoteId && (
          <Typography.Link onClick={() => navigate({ page: 'quote', id: order.quoteId ?? '' })}>
            {t('orders.orders.fromQuote')} {order.quoteNumber}
          </Typography.Link>
        )}
      </PageTitle>
      <Space>
        <ShareControl entity="order" id={order.id} />
        {cancellable && (
          <Popconfirm title={t('orders.orders.confirmCancel', { number: order.number })} onConfirm={() => setStatus('cancelled')} okButtonProps={{ danger: true }}>
            <Button danger loading={busy === 'cancelled'} data-testid="order-cancel">
              {t('orders.orders.cancel')}
            </Button>
          </Popconfirm>
        )}
        {next && (
          <Button type="primary" loading={busy === next.to} onClick={() => void setStatus(next.to)} data-testid={`order-${next.to}`}>
            {t(next.label)}
          </Button>
        )}
      </Space>
    </div>
  );
}

function OrderSteps({ order }: { order: Order }) {
  const { t } = useTranslation();
  const at: Record<(typeof STEPS)[number], string | null> = {
    pending: order.createdAt,
    confirmed: order.confirmedAt,
    shipped: order.shippedAt,
    completed: order.completedAt,
  };
  // Reached steps show as done; a cancelled order shows the cancel on the step it did not reach.
  const reached = STEPS.filter((s) => at[s]).length - 1;
  const cancelled = order.status === 'cancelled';
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        current={cancelled ? reached + 1 : STEPS.indexOf(order.status as (typeof STEPS)[number])}
        status={cancelled ? 'error' : 'finish'}
        data-testid="order-steps"
        items={STEPS.map((s, i) => ({
          title: cancelled && i === reached + 1 ? t('orders.orders.status.cancelled') : t(`orders.orders.status.${s}`),
          content: cancelled && i === reached + 1 ? fmt(order.cancelledAt) : fmt(at[s]),
        }))}
      />
    </Card>
  );
}

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

function StockCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  // One block per product: what was reserved, what came back, and its stock now.
  const byProduct = new Map<string, StockMove[]>();
  for (const m of order.stockMoves) byProduct.set(m.productId, [...(byProduct.get(m.productId) ?? []), m]);
  return (
    <Card size="small" title={t('orders.orders.stock.title')} data-testid="order-stock">
      {byProduct.size === 0 ? (
        <Typography.Text type="secondary">{t('orders.orders.stock.none')}</Typography.Text>
      ) : (
        [...byProduct.values()].map(([first, ...rest]) => (
          <div key={first.productId} style={{ marginBottom: 8 }} data-testid="stock-product">
            <div>
              {first.productName} <Typography.Text type="secondary">{first.sku}</Typography.Text>
            </div>
            {[first, ...rest].map((m) => (
              <div key={m.kind} data-testid={`stock-move-${m.kind}`}>
                <Typography.Text type={m.kind === 'reserved' ? 'warning' : 'success'}>
                  {t(`orders.orders.stock.${m.kind}`)} {m.kind === 'reserved' ? '−' : '+'}
                  {m.quantity} {m.unit}
                </Typography.Text>
              </div>
            ))}
            <Typography.Text type="secondary">
              {t('orders.orders.stock.now')} {first.stockNow} {first.unit}
            </Typography.Text>
          </div>
        ))
      )}
    </Card>
  );
}
