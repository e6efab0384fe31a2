// 产品明细: the opportunity's line items in the shared lines editor, with their total. Saved as a
// whole; the amount becomes the total.
import { useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../shared/deals';
import { lineItemsField } from '../../../shared/money';
import { call } from '../../api';
import { errorText, issueText, zodIssues } from '../../components/errors';
import { LinesEditor, toLines, toRow, type LineRow } from '../../components/LinesEditor';

export function LineItemsEditor({ deal, onSaved }: { deal: OpportunityDetail; onSaved(deal: OpportunityDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<LineRow[]>(() => deal.lines.map((l) => toRow(l)));
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (next: LineRow[]) => {
    setRows(next);
    setDirty(true);
  };
  const save = async () => {
    const parsed = lineItemsField.safeParse(toLines(rows));
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

  return (
    <Card
      size="small"
      title={t('deals.lines.title')}
      className="deal-card-section"
      data-testid="line-items"
      extra={
        <Button size="small" type="primary" disabled={!dirty} loading={saving} onClick={() => void save()} data-testid="lines-save">
          {t('common.save')}
        </Button>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <LinesEditor rows={rows} onChange={change} currency={deal.currency} empty={t('deals.lines.empty')} showTotal />
    </Card>
  );
}
