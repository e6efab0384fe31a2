// Read-only lines of a quote or an order (screen and printout).
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, type LineItem } from '../../../shared/money';
import { percentText } from '../../components/MoneyInputs';

export function LinesTable({ lines, currency }: { lines: LineItem[]; currency: string }) {
  const { t } = useTranslation();
  return (
    <Table<LineItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      locale={{ emptyText: t('orders.lines.empty') }}
      data-testid="lines"
      columns={[
        { key: 'index', title: t('orders.print.index'), width: 56, render: (_, __, i) => i + 1 },
        { key: 'name', title: t('orders.lines.product'), dataIndex: 'name' },
        { key: 'quantity', title: t('orders.lines.quantity'), dataIndex: 'quantity', align: 'right', width: 80 },
        { key: 'unit', title: t('orders.lines.unit'), dataIndex: 'unit', width: 64 },
        { key: 'price', title: t('orders.lines.unitPrice'), align: 'right', width: 120, render: (_, l) => formatMoney(l.unitPrice, currency) },
        { key: 'discount', title: t('orders.lines.discount'), align: 'right', width: 80, render: (_, l) => (l.discount ? percentText(l.discount) : '') },
        { key: 'amount', title: t('orders.lines.amount'), align: 'right', width: 130, render: (_, l) => <span className="num">{formatMoney(l.amount, currency)}</span> },
      ]}
    />
  );
}
