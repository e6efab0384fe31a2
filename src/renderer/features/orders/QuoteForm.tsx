// New/Edit quote drawer: customer, lines, discount, tax rate, validity and notes, with live totals.
// Validated with the contract's own schema before it is sent.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { totals } from '../../../shared/money';
import { QuoteCreate, type Quote } from '../../../shared/orders';
import { ApiError, call } from '../../api';
import { dateItemProps } from '../../components/dateValue';
import { applyIssues, errorText, issueText, zodIssues } from '../../components/errors';
import { CustomerSelect } from '../customers/CustomerSelect';
import { MoneyInput, PercentInput } from '../../components/MoneyInputs';
import { LinesEditor, toLines, toRow, type LineRow } from '../../components/LinesEditor';
import { Totals } from './Totals';

interface Props {
  /** The quote to edit, or 'new'. Mounted only while open, so each opening starts fresh. */
  editing: Quote | 'new';
  onClose(): void;
  onSaved(quote: Quote): void;
}

export function QuoteForm({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const quote = editing === 'new' ? null : editing;
  const [rows, setRows] = useState<LineRow[]>(() => (quote ? quote.lines.map((l) => toRow(l)) : [toRow()]));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const discount = (Form.useWatch('discount', form) as number | undefined) ?? 0;
  const taxRate = (Form.useWatch('taxRate', form) as number | undefined) ?? 0;

  /** The first problem of a line is shown above the lines ("Line 2: required"). */
  const lineProblem = (path: string, text: string) => {
    const [field, row] = path.split('.');
    return field === 'lines' && row !== undefined ? t('orders.lines.rowProblem', { row: Number(row) + 1, problem: text }) : null;
  };

  const save = async () => {
    const values = { ...form.getFieldsValue(true), lines: toLines(rows) };
    const parsed = QuoteCreate.safeParse(values);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      applyIssues(t, form, issues.filter((i) => !i.path.startsWith('lines')));
      const line = issues.find((i) => i.path.startsWith('lines'));
      return setProblem(line ? lineProblem(line.path, issueText(t, line)) : null);
    }
    setProblem(null);
    setSaving(true);
    try {
      const saved = quote ? await call('quotes.update', { ...parsed.data, id: quote.id }) : await call('quotes.create', parsed.data);
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    } catch (e) {
      const issue = e instanceof ApiError ? e.data.fields?.[0] : undefined;
      setProblem(issue ? (lineProblem(issue.path, issueText(t, issue)) ?? errorText(t, e)) : errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    // Wider than the customer drawers: the lines need the room.
    <Drawer
      open
      title={t(quote ? 'orders.quotes.edit' : 'orders.quotes.new')}
      size={960}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="quote-form" initialValues={quote ?? { discount: 0, taxRate: 0 }}>
        <div className="quote-form-customer">
        <Form.Item name="companyId" label={t('orders.quotes.company')}>
          <CustomerSelect kind="company" initialName={quote?.companyName} />
        </Form.Item>
        <Form.Item name="contactId" label={t('orders.quotes.contact')}>
          <CustomerSelect kind="contact" initialName={quote?.contactName} />
        </Form.Item>
        </div>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} data-testid="quote-form-problem" />}
        <Form.Item label={t('orders.lines.title')}>
          <LinesEditor rows={rows} onChange={setRows} currency={quote?.currency ?? 'CNY'} empty={t('orders.lines.empty')} />
        </Form.Item>
        <Space size={16} align="start">
          <Form.Item name="discount" label={t('orders.totals.discount')}>
            <MoneyInput prefix="¥" data-testid="quote-discount" />
          </Form.Item>
          <Form.Item name="taxRate" label={t('orders.totals.taxRate')}>
            <PercentInput data-testid="quote-tax-rate" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('orders.quotes.validUntil')} {...dateItemProps}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Totals totals={totals(rows, discount, taxRate)} currency={quote?.currency ?? 'CNY'} />
        <Form.Item name="notes" label={t('orders.quotes.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
