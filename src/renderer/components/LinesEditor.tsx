// Line items being edited (an opportunity's, a quote's): a catalogue product (its name, unit and
// price filled in) or free text, quantity, unit price and discount, with live amounts and,
// optionally, their total. Controlled: rows in, rows out.
import { useState } from 'react';
import { AutoComplete, Button, InputNumber, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatMoney, lineAmount, totals, type LineItem, type LineItemInput } from '../../shared/money';
import type { Product } from '../../shared/orders';
import { call } from '../api';
import { MoneyInput, PercentInput } from './MoneyInputs';

/** A line being edited: a saved line's fields without its id and computed amount, keyed for the table. */
export type LineRow = Omit<LineItem, 'id' | 'amount'> & { key: string };

let nextKey = 0;
export const toRow = (l: Partial<LineItemInput> = {}): LineRow => ({
  key: `line-${nextKey++}`,
  productId: l.productId ?? null,
  name: l.name ?? '',
  unit: l.unit ?? null,
  quantity: l.quantity ?? 1,
  unitPrice: l.unitPrice ?? 0,
  discount: l.discount ?? 0,
});
export const toLines = (rows: LineRow[]) => rows.map(({ key: _key, ...line }) => line);

interface Props {
  rows: LineRow[];
  onChange(rows: LineRow[]): void;
  currency: string;
  /** What an empty table says. */
  empty: string;
  /** A summary row with the lines' total. */
  showTotal?: boolean;
}

export function LinesEditor({ rows, onChange, currency, empty, showTotal = false }: Props) {
  const { t } = useTranslation();
  // Catalogue matches of the line being typed in (only that line offers them).
  const [found, setFound] = useState<{ key: string; products: Product[] }>({ key: '', products: [] });
  const change = (key: string, patch: Partial<LineRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const search = async (key: string, q: string) => {
    const page = await call('products.list', { q: q.trim() || null, active: true, limit: 20 }).catch(() => null);
    setFound({ key, products: page?.items ?? [] });
  };
  const productsOf = (key: string) => (found.key === key ? found.products : []);
  const pick = (key: string, id: string) => {
    const p = productsOf(key).find((x) => x.id === id);
    if (p) change(key, { productId: p.id, name: p.name, unit: p.unit, unitPrice: p.price });
  };

  return (
    <>
      <Table<LineRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: empty }}
        data-testid="lines-editor"
        columns={[
          {
            key: 'name',
            title: t('orders.lines.product'),
            render: (_, r) => (
              <AutoComplete
                value={r.name}
                style={{ width: '100%', minWidth: 160 }}
                placeholder={t('orders.lines.namePlaceholder')}
                options={productsOf(r.key).map((p) => ({ value: p.id, label: `${p.name} · ${p.sku} · ${formatMoney(p.price, p.currency)}` }))}
                onSearch={(q) => void search(r.key, q)}
                onSelect={(id: string) => pick(r.key, id)}
                onChange={(name: string) => !productsOf(r.key).some((p) => p.id === name) && change(r.key, { name, productId: null })}
                data-testid="line-name"
              />
            ),
          },
          {
            key: 'quantity',
            title: t('orders.lines.quantity'),
            width: 90,
            render: (_, r) => (
              <InputNumber min={1} precision={0} value={r.quantity} onChange={(v) => change(r.key, { quantity: v ?? 0 })} style={{ width: '100%' }} data-testid="line-quantity" />
            ),
          },
          { key: 'unit', title: t('orders.lines.unit'), width: 56, render: (_, r) => r.unit ?? '' },
          {
            key: 'price',
            title: t('orders.lines.unitPrice'),
            width: 130,
            render: (_, r) => <MoneyInput value={r.unitPrice} onChange={(v) => change(r.key, { unitPrice: v ?? 0 })} data-testid="line-price" />,
          },
          {
            key: 'discount',
            title: t('orders.lines.discount'),
            width: 100,
            render: (_, r) => <PercentInput value={r.discount} onChange={(v) => change(r.key, { discount: v ?? 0 })} data-testid="line-discount" />,
          },
          {
            key: 'amount',
            title: t('orders.lines.amount'),
            width: 110,
            align: 'right',
            render: (_, r) => <span className="num">{formatMoney(lineAmount(r), currency)}</span>,
          },
          {
            key: 'remove',
            width: 40,
            render: (_, r) => (
              <Button type="text" danger size="small" aria-label={t('common.remove')} icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
            ),
          },
        ]}
        summary={showTotal ? () => <TotalRow label={t('orders.lines.total')} amount={formatMoney(totals(rows).subtotal, currency)} /> : undefined}
      />
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...rows, toRow()])} style={{ marginTop: 8 }} data-testid="line-add">
        {t('orders.lines.add')}
      </Button>
    </>
  );
}

function TotalRow({ label, amount }: { label: string; amount: string }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={5} align="right">
        <Typography.Text strong>{label}</Typography.Text>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">
        <Typography.Text strong className="num" data-testid="lines-total">
          {amount}
        </Typography.Text>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} />
    </Table.Summary.Row>
  );
}
