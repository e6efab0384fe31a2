// The lines of a quote being edited: a catalogue product (its name, unit and price filled in) or
// free text, quantity, unit price and discount, with live amounts. Controlled: rows in, rows out.
import { useState } from 'react';
import { AutoComplete, Button, InputNumber, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatMoney, lineAmount, type LineItemInput } from '../../../shared/money';
import type { Product } from '../../../shared/orders';
import { call } from '../../api';
import { MoneyInput, PercentInput } from './inputs';

export interface LineRow {
  key: string;
  productId: string | null;
  name: string;
  unit: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
}

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
}

export function LinesEditor({ rows, onChange, currency }: Props) {
  const { t } = useTranslation();
  const [products, setProducts] = useState<Product[]>([]);
  const change = (key: string, patch: Partial<LineRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const search = async (q: string) => {
    const page = await call('products.list', { q: q.trim() || null, active: true, limit: 20 }).catch(() => null);
    setProducts(page?.items ?? []);
  };
  const pick = (key: string, id: string) => {
    const p = products.find((x) => x.id === id);
    if (p) change(key, { productId: p.id, name: p.name, unit: p.unit, unitPrice: p.price });
  };

  return (
    <>
      <Table<LineRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('orders.lines.empty') }}
        data-testid="quote-lines-editor"
        columns={[
          {
            key: 'name',
            title: t('orders.lines.product'),
            render: (_, r) => (
              <AutoComplete
                value={r.name}
                style={{ width: '100%', minWidth: 160 }}
                placeholder={t('orders.lines.namePlaceholder')}
                options={products.map((p) => ({ value: p.id, label: `${p.name} · ${p.sku} · ${formatMoney(p.price, p.currency)}` }))}
                onSearch={(q) => void search(q)}
                onFocus={() => void search(r.name)}
                onSelect={(id: string) => pick(r.key, id)}
                onChange={(name: string) => !products.some((p) => p.id === name) && change(r.key, { name, productId: null })}
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
            render: (_, r) => <span className="quote-num">{formatMoney(lineAmount(r), currency)}</span>,
          },
          {
            key: 'remove',
            width: 40,
            render: (_, r) => (
              <Button type="text" danger size="small" aria-label={t('common.remove')} icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
            ),
          },
        ]}
      />
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...rows, toRow()])} style={{ marginTop: 8 }} data-testid="line-add">
        {t('orders.lines.add')}
      </Button>
    </>
  );
}
