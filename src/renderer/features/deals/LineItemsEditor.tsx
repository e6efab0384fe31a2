// 产品明细: the opportunity's line items (a catalogue product or free text; quantity, unit price,
// discount), with live line amounts and total. Saved as a whole; the amount becomes the total.
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../shared/deals';
import type { Product } from '../../../shared/orders';
import { formatMoney, lineAmount, lineItemsField, totals, type LineItemInput } from '../../../shared/money';
import { call } from '../../api';
import { errorText, issueText, zodIssues } from '../../components/errors';
import { MoneyInput } from './MoneyInput';

interface Row extends Required<Omit<LineItemInput, 'unit' | 'productId'>> {
  key: string;
  productId: string | null;
  unit: string | null;
}

let nextKey = 0;
const toRow = (l: Partial<Row>): Row => ({ key: `row-${nextKey++}`, productId: null, name: '', unit: null, quantity: 1, unitPrice: 0, discount: 0, ...l });

export function LineItemsEditor({ deal, onSaved }: { deal: OpportunityDetail; onSaved(deal: OpportunityDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(() => deal.lines.map((l) => toRow(l)));
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Catalogue matches of the line being typed in (only that line offers them).
  const [found, setFound] = useState<{ key: string; products: Product[] }>({ key: '', products: [] });
  const [saving, setSaving] = useState(false);

  const change = (key: string, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const searchProducts = async (key: string, q: string) => {
    const page = await call('products.list', { q: q.trim() || null, active: true, limit: 20 }).catch(() => null);
    setFound({ key, products: page?.items ?? [] });
  };
  const productsOf = (key: string) => (found.key === key ? found.products : []);
  const pickProduct = (key: string, productId: string) => {
    const p = productsOf(key).find((x) => x.id === productId);
    if (p) change(key, { productId: p.id, name: p.name, unit: p.unit, unitPrice: p.price });
  };

  const save = async () => {
    const lines = rows.map(({ key: _key, ...line }) => line);
    const parsed = lineItemsField.safeParse(lines);
    if (!parsed.success) {
      const issue = zodIssues(parsed.error)[0];
      const row = Number(issue.path.split('.')[0]) + 1;
      return setProblem(t('deals.lines.rowProblem', { row, problem: issueText(t, issue) }));
    }
    setProblem(null);
    setSaving(true);
    try {
      const saved = await call('deals.update', { id: deal.id, patch: { lines: parsed.data } });
      setDirty(false);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setProblem(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const total = totals(rows).subtotal;
  return (
    <Card
      size="small"
      title={t('deals.lines.title')}
      className="deal-card-section"
      data-testid="line-items"
      extra={
        <Space>
          <Button size="small" icon={<PlusOutlined />} onClick={() => { setRows((rs) => [...rs, toRow({})]); setDirty(true); }} data-testid="line-add">
            {t('deals.lines.add')}
          </Button>
          <Button size="small" type="primary" disabled={!dirty} loading={saving} onClick={() => void save()} data-testid="lines-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('deals.lines.empty') }}
        columns={[
          {
            key: 'name',
            title: t('deals.lines.product'),
            render: (_, r) => (
              <AutoComplete
                value={r.name}
                style={{ width: '100%', minWidth: 160 }}
                placeholder={t('deals.lines.namePlaceholder')}
                options={productsOf(r.key).map((p) => ({ value: p.id, label: `${p.name} · ${p.sku} · ${formatMoney(p.price, p.currency)}` }))}
                onSearch={(q) => void searchProducts(r.key, q)}
                onSelect={(id: string) => pickProduct(r.key, id)}
                onChange={(name: string) => !productsOf(r.key).some((p) => p.id === name) && change(r.key, { name, productId: null })}
                data-testid="line-name"
              />
            ),
          },
          {
            key: 'quantity',
            title: t('deals.lines.quantity'),
            width: 100,
            render: (_, r) => <InputNumber min={1} precision={0} value={r.quantity} onChange={(v) => change(r.key, { quantity: v ?? 0 })} style={{ width: '100%' }} data-testid="line-quantity" />,
          },
          { key: 'unit', title: t('deals.lines.unit'), width: 60, render: (_, r) => r.unit ?? '' },
          {
            key: 'price',
            title: t('deals.lines.unitPrice'),
            width: 130,
            render: (_, r) => <MoneyInput value={r.unitPrice} onChange={(v) => change(r.key, { unitPrice: v ?? 0 })} data-testid="line-price" />,
          },
          {
            key: 'discount',
            title: t('deals.lines.discount'),
            width: 100,
            render: (_, r) => (
              <InputNumber
                min={0}
                max={100}
                precision={2}
                suffix="%"
                value={r.discount / 100}
                onChange={(v) => change(r.key, { discount: Math.round((v ?? 0) * 100) })}
                style={{ width: '100%' }}
                data-testid="line-discount"
              />
            ),
          },
          { key: 'amount', title: t('deals.lines.amount'), width: 120, align: 'right', render: (_, r) => <span className="num">{formatMoney(lineAmount(r), deal.currency)}</span> },
          {
            key: 'remove',
            width: 40,
            render: (_, r) => (
              <Button type="text" danger size="small" aria-label={t('common.remove')} icon={<DeleteOutlined />} onClick={() => { setRows((rs) => rs.filter((x) => x.key !== r.key)); setDirty(true); }} />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5} align="right">
              <Typography.Text strong>{t('deals.lines.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong className="num" data-testid="lines-total">
                {formatMoney(total, deal.currency)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
