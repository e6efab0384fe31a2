import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelineSave } from '../../../shared/deals';
import { builtinSession, type SessionInfo } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();
const call: ReturnType<typeof runtime>['call'] = (channel, input, session) => runtime().call(channel, input, session);

/** The dispatcher's `now` comes from the clock: fake only Date to tell the time of each call. */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
afterEach(() => {
  vi.useRealTimers();
});

const DAY = 86_400_000;
const sales: SessionInfo = builtinSession('sales', 'owner', 'Sales');

const threeStages = (): PipelineSave => ({
  name: '项目型',
  stages: [
    { name: '立项', probability: 20, kind: 'open' },
    { name: '成交', probability: 100, kind: 'won' },
    { name: '失败', probability: 0, kind: 'lost' },
  ],
});

describe('pipelines', () => {
  it('lists the seeded default pipeline with its six stages in order', async () => {
    const [p] = await call('pipelines.list', {});
    expect(p).toMatchObject({ id: 'pipeline-default', isDefault: true });
    expect(p.stages.map((s) => [s.id, s.kind, s.probability])).toEqual([
      ['stage-default-1', 'open', 10],
      ['stage-default-2', 'open', 30],
      ['stage-default-3', 'open', 60],
      ['stage-default-4', 'open', 80],
      ['stage-default-5', 'won', 100],
      ['stage-default-6', 'lost', 0],
    ]);
  });

  it('saves a new pipeline, and moves the default flag to it when asked', async () => {
    const p = await call('pipelines.save', { ...threeStages(), isDefault: true });
    expect(p.stages.map((s) => [s.name, s.position, s.kind])).toEqual([
      ['立项', 0, 'open'],
      ['成交', 1, 'won'],
      ['失败', 2, 'lost'],
    ]);
    const all = await call('pipelines.list', {});
    expect(all.filter((x) => x.isDefault).map((x) => x.id)).toEqual([p.id]);
    // A new opportunity goes to the default pipeline.
    expect((await call('deals.create', { name: 'x' })).stageId).toBe(p.stages[0].id);
  });

  it('keeps the default flag until another pipeline takes it', async () => {
    const [p] = await call('pipelines.list', {});
    const saved = await call('pipelines.save', { id: p.id, name: p.name, isDefault: false, stages: p.stages });
    expect(saved.isDefault).toBe(true);
  });

  it('needs exactly one won and one lost stage, an open one and distinct names', async () => {
    const base = threeStages();
    const twoWon = { ...base, stages: [...base.stages, { name: '大成交', probability: 100, kind: 'won' as const }] };
    await expect(call('pipelines.save', twoWon)).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'stages', message: 'deals.errors.one_won' }] });
    await expect(call('pipelines.save', { ...base, stages: [] })).rejects.toMatchObject({ fields: [{ message: 'deals.errors.one_open' }, { message: 'deals.errors.one_won' }, { message: 'deals.errors.one_lost' }] });
    const noLost = { ...base, stages: [base.stages[0], base.stages[1], { name: '再谈', probability: 5, kind: 'open' as const }] };
    await expect(call('pipelines.save', noLost)).rejects.toMatchObject({ fields: [{ path: 'stages', message: 'deals.errors.one_lost' }] });
    const same = { ...base, stages: [base.stages[0], { ...base.stages[0] }, base.stages[1], base.stages[2]] };
    await expect(call('pipelines.save', same)).rejects.toMatchObject({ fields: [{ path: 'stages.1.name', message: 'deals.errors.stage_name_taken' }] });
    await expect(call('pipelines.save', { ...base, stages: [{ ...base.stages[0], probability: 101 }, base.stages[1], base.stages[2]] })).rejects.toMatchObject({
      fields: [{ path: 'stages.0.probability', message: 'validation.too_large' }],
    });
    expect(await call('pipelines.list', {})).toHaveLength(1);
  });

  it('renames and reorders stages keeping their ids; refuses to remove or re-kind a stage that holds opportunities', async () => {
    const [p] = await call('pipelines.list', {});
    const d = await call('deals.create', { name: '在第二阶段', stageId: 'stage-default-2' });
    const [s1, s2, s3, s4, won, lost] = p.stages;
    const reordered = await call('pipelines.save', { id: p.id, name: '标准流程', stages: [s2, { ...s1, name: '接触', probability: 5 }, s3, s4, won, lost] });
    expect(reordered.stages.map((s) => s.id)).toEqual([s2.id, s1.id, s3.id, s4.id, won.id, lost.id]);
    expect(reordered.stages[1]).toMatchObject({ name: '接触', probability: 5 });
    expect(reordered.stages[0].dealCount).toBe(1);
    await expect(call('pipelines.save', { id: p.id, name: 'x', stages: [s1, s3, s4, won, lost] })).rejects.toMatchObject({
      fields: [{ path: 'stages', message: 'deals.errors.stage_in_use', params: { name: s2.name } }],
    });
    await expect(call('pipelines.save', { id: p.id, name: 'x', stages: [s1, { ...s2, kind: 'won' }, s3, s4, { ...won, kind: 'open' }, lost] })).rejects.toMatchObject({
      fields: [{ path: 'stages.1.kind', message: 'deals.errors.stage_kind_in_use' }],
    });
    // Also from the Trash, where it could come back from.
    await call('deals.delete', { ids: [d.id] });
    await expect(call('pipelines.save', { id: p.id, name: 'x', stages: [s1, s3, s4, won, lost] })).rejects.toMatchObject({ fields: [{ message: 'deals.errors.stage_in_use' }] });
    const fewer = await call('pipelines.save', { id: p.id, name: 'x', stages: [s1, s2, s4, won, lost] });
    expect(fewer.stages.map((s) => s.id)).toEqual([s1.id, s2.id, s4.id, won.id, lost.id]);
  });

  it('refuses a stage id of another pipeline', async () => {
    const other = await call('pipelines.save', threeStages());
    await expect(call('pipelines.save', { ...threeStages(), id: other.id, stages: [{ id: 'stage-default-1', name: 'a', probability: 1, kind: 'open' }, ...threeStages().stages.slice(1)] })).rejects.toMatchObject({
      fields: [{ path: 'stages.0.id', message: 'deals.errors.no_stage' }],
    });
  });

  it('deletes a pipeline only when empty and never the last one; the default moves on', async () => {
    await expect(call('pipelines.delete', { id: 'pipeline-default' })).rejects.toMatchObject({ code: 'conflict', message: 'deals.errors.last_pipeline' });
    const other = await call('pipelines.save', threeStages());
    const d = await call('deals.create', { name: 'x', pipelineId: other.id });
    await expect(call('pipelines.delete', { id: other.id })).rejects.toMatchObject({ message: 'deals.errors.pipeline_in_use', params: { count: 1 } });
    await call('deals.move', { id: d.id, stageId: 'stage-default-1' });
    await expect(call('pipelines.delete', { id: 'pipeline-default' })).rejects.toMatchObject({ message: 'deals.errors.pipeline_in_use' });
    // In the Trash it still counts: it could come back.
    await call('deals.delete', { ids: [d.id] });
    await expect(call('pipelines.delete', { id: 'pipeline-default' })).rejects.toMatchObject({ message: 'deals.errors.pipeline_in_use' });
    await call('pipelines.delete', { id: other.id });
    expect((await call('pipelines.list', {})).map((p) => [p.id, p.isDefault])).toEqual([['pipeline-default', true]]);
    const stagesLeft = runtime().app.db.sqlite.prepare('SELECT count(*) FROM pipeline_stages WHERE pipeline_id = ? AND deleted_at IS NULL').pluck().get(other.id);
    expect(stagesLeft).toBe(0);
  });

  it('lets sales read pipelines but only sales admins change them', async () => {
    expect(await call('pipelines.list', {}, sales)).toHaveLength(1);
    await expect(call('pipelines.save', threeStages(), sales)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call('pipelines.delete', { id: 'pipeline-default' }, sales)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('opportunities: create and update', () => {
  it('starts in the first open stage with its probability and one history row', async () => {
    const d = await call('deals.create', { name: '华为 ERP', amount: 100000, competitors: ['用友', '金蝶'], expectedClose: '2026-12-31' });
    expect(d).toMatchObject({ stageId: 'stage-default-1', stageName: '初步接触', probability: 10, status: 'open', amount: 100000, weighted: 10000, competitors: ['用友', '金蝶'] });
    expect(d.history).toMatchObject([{ stageId: 'stage-default-1', leftAt: null }]);
  });

  it('answers bad input with field messages and writes nothing', async () => {
    await expect(call('deals.create', { name: ' ', amount: -1, probability: 101, expectedClose: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'amount', message: 'validation.min' },
        { path: 'probability', message: 'validation.too_large' },
        { path: 'expectedClose', message: 'validation.date' },
      ]),
    });
    await expect(call('deals.create', { name: 'x', lines: [{ name: '', quantity: 0, unitPrice: 1 }] })).rejects.toMatchObject({
      fields: expect.arrayContaining([{ path: 'lines.0.name', message: 'validation.required' }, { path: 'lines.0.quantity', message: 'validation.min' }]),
    });
    await expect(call('deals.create', { name: 'x', companyId: 'no-such' })).rejects.toMatchObject({ fields: [{ path: 'companyId', message: 'validation.company_missing' }] });
    await expect(call('deals.create', { name: 'x', contactId: 'no-such' })).rejects.toMatchObject({ fields: [{ path: 'contactId', message: 'deals.errors.contact_missing' }] });
    await expect(call('deals.create', { name: 'x', stageId: 'no-such' })).rejects.toMatchObject({ fields: [{ path: 'stageId', message: 'deals.errors.no_stage' }] });
    expect((await call('deals.list', {})).totals.count).toBe(0);
    expect(runtime().app.db.sqlite.prepare('SELECT count(*) FROM opportunity_stage_history').pluck().get()).toBe(0);
  });

  it('takes the amount from the line items, also after an edit; names company and contact', async () => {
    const co = await call('companies.create', { name: '腾达科技' });
    const ct = await call('contacts.create', { name: '张伟', companyId: co.id });
    const d = await call('deals.create', {
      name: '服务器',
      companyId: co.id,
      contactId: ct.id,
      amount: 1,
      lines: [
        { name: '服务器', quantity: 2, unitPrice: 1_000_000, discount: 1000 },
        { name: '安装', unit: '次', quantity: 1, unitPrice: 50_000 },
      ],
    });
    expect(d).toMatchObject({ amount: 1_850_000, companyName: '腾达科技', contactName: '张伟', lineCount: 2 });
    expect(d.lines.map((l) => l.amount)).toEqual([1_800_000, 50_000]);
    const edited = await call('deals.update', { id: d.id, patch: { lines: [{ name: '服务器', quantity: 3, unitPrice: 1_000_000 }], amount: 5 } });
    expect(edited).toMatchObject({ amount: 3_000_000, lineCount: 1 });
    // Without lines the typed amount counts again.
    expect(await call('deals.update', { id: d.id, patch: { lines: [], amount: 700 } })).toMatchObject({ amount: 700, lineCount: 0, lines: [] });
    // A patch without lines keeps the lines' total.
    await call('deals.update', { id: d.id, patch: { lines: [{ name: 'a', quantity: 1, unitPrice: 300 }] } });
    expect(await call('deals.update', { id: d.id, patch: { amount: 1, name: '服务器二期' } })).toMatchObject({ amount: 300, name: '服务器二期' });
  });

  it('keeps an overridden probability until a move or a reset to the stage default', async () => {
    const d = await call('deals.create', { name: 'x', amount: 1000, probability: 45 });
    expect(d).toMatchObject({ probability: 45, weighted: 450 });
    expect(await call('deals.update', { id: d.id, patch: { probability: 70 } })).toMatchObject({ probability: 70 });
    expect(await call('deals.update', { id: d.id, patch: { probability: null } })).toMatchObject({ probability: 10 });
    await call('deals.update', { id: d.id, patch: { probability: 99 } });
    expect(await call('deals.move', { id: d.id, stageId: 'stage-default-3' })).toMatchObject({ probability: 60 });
  });

  it('moves to the Trash and back; a deleted one cannot be edited or moved', async () => {
    const d = await call('deals.create', { name: 'x' });
    expect(await call('deals.delete', { ids: [d.id, d.id] })).toEqual({ deleted: 1 });
    expect((await call('deals.list', {})).items).toEqual([]);
    expect((await call('deals.list', { filter: { deleted: true } })).items.map((i) => i.id)).toEqual([d.id]);
    await expect(call('deals.update', { id: d.id, patch: { name: 'y' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('deals.move', { id: d.id, stageId: 'stage-default-2' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('deals.restore', { ids: [d.id] })).toEqual({ restored: 1 });
    expect((await call('deals.get', { id: d.id })).deletedAt).toBeNull();
    await expect(call('deals.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps an unchanged link to a company now in the Trash; refuses a new one and an unknown owner', async () => {
    const co = await call('companies.create', { name: '旧公司' });
    const d = await call('deals.create', { name: 'x', companyId: co.id });
    await call('companies.delete', { ids: [co.id] });
    expect(await call('deals.update', { id: d.id, patch: { companyId: co.id, name: 'y' } })).toMatchObject({ name: 'y', companyName: '旧公司' });
    const other = await call('deals.create', { name: 'z' });
    await expect(call('deals.update', { id: other.id, patch: { companyId: co.id } })).rejects.toMatchObject({ fields: [{ path: 'companyId', message: 'validation.company_missing' }] });
    await expect(call('deals.update', { id: other.id, patch: { ownerId: 'nobody' } })).rejects.toMatchObject({ fields: [{ path: 'ownerId', message: 'validation.owner_missing' }] });
  });

  it('keeps the meaning of the columns others read (opportunities, stage history)', async () => {
    const d = await call('deals.create', { name: 'x', competitors: ['A'] });
    const row = runtime().app.db.sqlite.prepare('SELECT competitors, status, pipeline_id FROM opportunities WHERE id = ?').get(d.id);
    expect(row).toEqual({ competitors: '["A"]', status: 'open', pipeline_id: 'pipeline-default' });
  });
});

describe('opportunities: moves and stage history', () => {
  it('records each stay with the time spent, won with closed_at, lost with a reason, reopened', async () => {
    const t0 = Date.parse('2026-03-01T02:00:00.000Z');
    const iso = (days: number) => new Date(t0 + days * DAY).toISOString();
    at(iso(0));
    const d = await call('deals.create', { name: '年度采购', amount: 10000 });
    at(iso(2));
    await call('deals.move', { id: d.id, stageId: 'stage-default-3' });
    at(iso(5));
    const won = await call('deals.move', { id: d.id, stageId: 'stage-default-5' });
    expect(won).toMatchObject({ status: 'won', closedAt: iso(5), probability: 100, stageEnteredAt: iso(5), stageKind: 'won' });
    expect(won.history.map((h) => [h.stageId, h.enteredAt, h.leftAt, h.durationMs])).toEqual([
      ['stage-default-1', iso(0), iso(2), 2 * DAY],
      ['stage-default-3', iso(2), iso(5), 3 * DAY],
      ['stage-default-5', iso(5), null, 0],
    ]);
    at(iso(6));
    expect((await call('deals.get', { id: d.id })).history[2].durationMs).toBe(DAY);
    await expect(call('deals.move', { id: d.id, stageId: 'stage-default-6' })).rejects.toMatchObject({
      fields: [{ path: 'lostReason', message: 'deals.errors.lost_reason_required' }],
    });
    const lost = await call('deals.move', { id: d.id, stageId: 'stage-default-6', lostReason: '价格太高' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: '价格太高', closedAt: iso(6), probability: 0 });
    at(iso(8));
    const reopened = await call('deals.move', { id: d.id, stageId: 'stage-default-4' });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, lostReason: null, probability: 80 });
    expect(reopened.history.map((h) => h.stageName)).toEqual(['初步接触', '方案报价', '赢单', '输单', '商务谈判']);
    // Every stay but the last ended when the next began.
    for (const [i, h] of reopened.history.entries()) expect(h.leftAt).toBe(reopened.history[i + 1]?.enteredAt ?? null);
  });

  it('moving to its own stage adds no history', async () => {
    const d = await call('deals.create', { name: 'x' });
    expect((await call('deals.move', { id: d.id, stageId: 'stage-default-1' })).history).toHaveLength(1);
    await expect(call('deals.move', { id: d.id, stageId: 'no-such' })).rejects.toMatchObject({ fields: [{ path: 'stageId', message: 'deals.errors.no_stage' }] });
  });

  it('moves into another pipeline with the stage', async () => {
    const other = await call('pipelines.save', threeStages());
    const d = await call('deals.create', { name: 'x' });
    expect(await call('deals.move', { id: d.id, stageId: other.stages[0].id })).toMatchObject({ pipelineId: other.id, probability: 20 });
  });
});

describe('opportunities: list, totals and board', () => {
  async function seed() {
    const co = await call('companies.create', { name: '腾达科技' });
    const a = await call('deals.create', { name: '甲项目', amount: 100_00, companyId: co.id, expectedClose: '2026-06-10' });
    const b = await call('deals.create', { name: '乙项目', amount: 300_00, stageId: 'stage-default-3', expectedClose: '2026-07-01' });
    const c = await call('deals.create', { name: '丙项目', amount: 1_000_00 });
    await call('deals.move', { id: c.id, stageId: 'stage-default-5' });
    return { co, a, b, c };
  }

  it('filters and totals the whole filter: count, amount and weighted amount', async () => {
    const { co, a, b, c } = await seed();
    const all = await call('deals.list', {});
    expect(all.totals).toEqual({ count: 3, amount: 1_400_00, weighted: 10_00 + 180_00 + 1_000_00 });
    const open = await call('deals.list', { filter: { status: 'open' }, sort: 'amount', dir: 'asc' });
    expect(open.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(open.totals).toEqual({ count: 2, amount: 400_00, weighted: 190_00 });
    expect((await call('deals.list', { filter: { q: '腾达' } })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await call('deals.list', { filter: { q: '丙' } })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await call('deals.list', { filter: { companyId: co.id } })).totals.count).toBe(1);
    expect((await call('deals.list', { filter: { stageId: 'stage-default-3' } })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await call('deals.list', { filter: { close: { from: '2026-06-01', to: '2026-06-30' } } })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await call('deals.list', { filter: { ownerId: 'someone-else' } })).totals).toEqual({ count: 0, amount: 0, weighted: 0 });
  });

  it('sorts by expected close with undated ones last', async () => {
    await call('deals.create', { name: '无日期' });
    await call('deals.create', { name: '晚', expectedClose: '2026-09-01' });
    await call('deals.create', { name: '早', expectedClose: '2026-05-01' });
    const page = await call('deals.list', { sort: 'close', dir: 'asc', limit: 2 });
    const next = await call('deals.list', { sort: 'close', dir: 'asc', limit: 2, cursor: page.nextCursor });
    expect([...page.items, ...next.items].map((i) => i.name)).toEqual(['早', '晚', '无日期']);
  });

  it('pages by keyset with the totals on every page', async () => {
    for (let i = 0; i < 7; i++) await call('deals.create', { name: `项目${i}`, amount: (i % 3) * 100 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call<'deals.list'>>> = await call('deals.list', { limit: 3, sort: 'amount', dir: 'desc', cursor });
      expect(page.totals.count).toBe(7);
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    await expect(call('deals.list', { cursor: 'garbage' })).rejects.toMatchObject({ fields: [{ path: 'cursor' }] });
  });

  it('shows a column per stage with count and sums; closed columns only recently closed', async () => {
    at('2026-01-10T00:00:00.000Z');
    const old = await call('deals.create', { name: '旧单', amount: 5_00 });
    await call('deals.move', { id: old.id, stageId: 'stage-default-5' });
    at('2026-03-01T00:00:00.000Z');
    const { a, b, c } = await seed();
    const board = await call('deals.board', {});
    expect(board.pipeline.id).toBe('pipeline-default');
    expect(board.columns.map((col) => [col.stage.id, col.count, col.amount, col.weighted, col.cards.map((x) => x.id)])).toEqual([
      ['stage-default-1', 1, 100_00, 10_00, [a.id]],
      ['stage-default-2', 0, 0, 0, []],
      ['stage-default-3', 1, 300_00, 180_00, [b.id]],
      ['stage-default-4', 0, 0, 0, []],
      ['stage-default-5', 1, 1_000_00, 1_000_00, [c.id]],
      ['stage-default-6', 0, 0, 0, []],
    ]);
    const longer = await call('deals.board', { closedDays: 365 });
    expect(longer.columns[4].cards.map((x) => x.id)).toEqual([old.id, c.id]);
    expect((await call('deals.board', { ownerId: 'someone-else' })).columns.every((col) => col.count === 0)).toBe(true);
    await expect(call('deals.board', { pipelineId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets a role without deals.read see nothing', async () => {
    const service: SessionInfo = builtinSession('service', 'owner', 'S');
    await expect(call('deals.list', {}, service)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call('deals.create', { name: 'x' }, service)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
