// Coloured status tags for quotes and orders.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, QuoteStatus } from '../../../shared/orders';

const QUOTE_COLOR: Record<QuoteStatus, string> = { draft: 'default', sent: 'processing', accepted: 'success', rejected: 'error', expired: 'warning' };
const ORDER_COLOR: Record<OrderStatus, string> = { pending: 'gold', confirmed: 'blue', shipped: 'cyan', completed: 'success', cancelled: 'default' };

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUOTE_COLOR[status]} data-testid="quote-status">
      {t(`orders.quotes.status.${status}`)}
    </Tag>
  );
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORDER_COLOR[status]} data-testid="order-status">
      {t(`orders.orders.status.${status}`)}
    </Tag>
  );
}
