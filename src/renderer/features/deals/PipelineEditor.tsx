// The modal that edits one pipeline as a whole: name, default flag, and its stages in board
// order (rename, probability, kind, move up/down, add, remove). Checked with the shared schema
// and stage rules before it is sent; the main process's refusals are shown the same way.
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PipelineSave, STAGE_KINDS, stageIssues, type Pipeline, type StageInput } from '../../../shared/deals';
import type { FieldIssue } from '../../../shared/errors';
import { ApiError, call } from '../../api';
import { errorText, issueText, zodIssues } from '../../components/errors';

type Row = StageInput & { key: string; dealCount: number };

let nextKey = 0;
const row = (s: Partial<Row>): Row => ({ key: `stage-${nextKey++}`, name: '', probability: 50, kind: 'open', dealCount: 0, ...s });

/** A new open stage goes before the closed ones. */
function withNewStage(rows: Row[]): Row[] {
  const closed = rows.findIndex((r) => r.kind !== 'open');
  const next = [...rows];
  next.splice(closed === -1 ? rows.length : closed, 0, row({}));
  return next;
}

interface Props {
  /** Mounted per edit: the state starts from this pipeline (or a fresh one). */
  pipeline: Pipeline | 'new';
  onClose(): void;
  onSaved(): void;
}

export function PipelineEditor({ pipeline, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const fresh = pipeline === 'new';
  const [name, setName] = useState(fresh ? '' : pipeline.name);
  const [isDefault, setIsDefault] = useState(fresh ? false : pipeline.isDefault);
  const [rows, setRows] = useState<Row[]>(() =>
    fresh
      ? [row({ name: t('deals.pipelines.newStage'), probability: 20 }), row({ name: t('deals.status.won'), probability: 100, kind: 'won' }), row({ name: t('deals.status.lost'), probability: 0, kind: 'lost' })]
      : pipeline.stages.map((s) => row({ ...s, key: s.id })),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const change = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const shift = (index: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return next;
    });

  const describe = (issues: FieldIssue[]) =>
    issues.map((issue) => {
      const at = /^stages\.(\d+)/.exec(issue.path);
      const text = issueText(t, issue);
      return at ? t('deals.pipelines.stageProblem', { row: Number(at[1]) + 1, problem: text }) : text;
    });

  const save = async () => {
    const input = {
      id: fresh ? undefined : pipeline.id,
      name,
      isDefault,
      stages: rows.map(({ key: _key, dealCount: _count, ...s }) => s),
    };
    const parsed = PipelineSave.safeParse(input);
    const issues = parsed.success ? stageIssues(parsed.data.stages) : zodIssues(parsed.error);
    if (!parsed.success || issues.length > 0) return setProblems(describe(issues));
    setSaving(true);
    try {
      await call('pipelines.save', parsed.data);
      onSaved();
    } catch (e) {
      setProblems(e instanceof ApiError && e.data.fields ? describe(e.data.fields) : [errorText(t, e)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t(fresh ? 'deals.pipelines.new' : 'deals.pipelines.edit')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'pipeline-save' } as object) }}
    >
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 12 }} data-testid="pipeline-problems" />}
      <Space style={{ marginBottom: 12 }}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('deals.pipelines.name')} maxLength={30} style={{ width: 260 }} data-testid="pipeline-name" />
        <Checkbox checked={isDefault} disabled={!fresh && pipeline.isDefault} onChange={(e) => setIsDefault(e.target.checked)}>
          {t('deals.pipelines.makeDefault')}
        </Checkbox>
      </Space>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        className="stage-rows"
        columns={[
          { key: 'order', width: 70, render: (_, _r, i) => <Space size={0}><Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('deals.pipelines.up')} onClick={() => shift(i, -1)} /><Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} aria-label={t('deals.pipelines.down')} onClick={() => shift(i, 1)} /></Space> },
          { key: 'name', title: t('deals.pipelines.stageName'), render: (_, r) => <Input value={r.name} maxLength={30} onChange={(e) => change(r.key, { name: e.target.value })} data-testid="stage-name" /> },
          {
            key: 'probability',
            title: t('deals.pipelines.probability'),
            width: 110,
            render: (_, r) => <InputNumber value={r.probability} min={0} max={100} precision={0} suffix="%" onChange={(v) => change(r.key, { probability: v ?? 0 })} style={{ width: '100%' }} />,
          },
          {
            key: 'kind',
            title: t('deals.pipelines.kind'),
            width: 120,
            render: (_, r) => <Select value={r.kind} style={{ width: '100%' }} onChange={(kind) => change(r.key, { kind })} options={STAGE_KINDS.map((k) => ({ value: k, label: t(`deals.kind.${k}`) }))} />,
          },
          { key: 'count', title: t('deals.pipelines.deals'), width: 70, render: (_, r) => r.dealCount },
          {
            key: 'remove',
            width: 40,
            render: (_, r) => <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />,
          },
        ]}
      />
      <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setRows(withNewStage)} data-testid="stage-add">
        {t('deals.pipelines.addStage')}
      </Button>
    </Modal>
  );
}
