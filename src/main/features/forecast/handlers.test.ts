import { beforeEach, describe, expect, it } from 'vitest';
import type { ForecastQuery } from '../../../shared/forecast';
import { builtinSession } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { addDeal, addPipeline, addUser } from './test-deals';

const runtime = useTempRuntime();
const db = () => runtime().app.db.kysely;
// November 2026 in Shanghai (UTC+8): expected-close months 2026-11..2027-04, results 2025-12..2026-11.
const AT: ForecastQuery = { month: '2026-11', utcOffset: 480 };
const summary = (input: ForecastQuery = {}) => runtime().call('forecast.summary', { ...AT, ...input });
const S = (n: number) => `stage-default-${n}`;

/** The data every figure below is worked out from (amounts in fen). */
async function seed(): Promise<void> {
  await addUser(db(), 'u-li', '李娜');
  await addPipeline(db(), 'pipeline-b');
  // Open, CNY, default pipeline.
  await addDeal(db(), { amount: 100_000, probability: 10, expectedClose: '2026-11-15', stages: [S(1)] });
  await addDeal(db(), { amount: 250_000, probability: 60, expectedClose: '2026-11-30', ownerId: 'u-li', stages: [S(1), S(3)] });
  await addDeal(db(), { amount: 333_333, probability: 30, expectedClose: '2027-01-10', stages: [S(1), S(2)] });
  await addDeal(db(), { amount: 50_000, probability: 80, expectedClose: '2026-10-31', ownerId: 'u-li', stages: [S(1), S(2), S(3), S(4)] });
  await addDeal(db(), { amount: 70_000, probability: 30, stages: [S(2)] });
  await addDeal(db(), { amount: 90_000, probability: 10, expectedClose: '2027-05-01', stages: [S(1)] });
  // Left out of the sums: another currency, deleted, another pipeline.
  await addDeal(db(), { amount: 500_000, probability: 30, currency: 'USD', expectedClose: '2026-12-01', stages: [S(1)] });
  await addDeal(db(), { amount: 999_999, probability: 90, expectedClose: '2026-11-02', stages: [S(1), S(4)], deleted: true });
  await addDeal(db(), { amount: 777_777, probability: 20, expectedClose: '2026-11-02', pipelineId: 'pipeline-b', stages: ['pipeline-b-open'] });
  // Closed. 59 days; 30 days 20 h (closed 04:00 on 1 November in Shanghai); 182 days 17 h
  // (closed at 01:00 on 1 December 2025 in Shanghai: the first results month); USD, 10 days.
  await addDeal(db(), { amount: 200_000, status: 'won', createdAt: '2026-01-10T00:00:00.000Z', closedAt: '2026-03-10T00:00:00.000Z', stages: [S(1), S(2), S(5)] });
  await addDeal(db(), { amount: 300_000, status: 'won', createdAt: '2026-10-01T00:00:00.000Z', closedAt: '2026-10-31T20:00:00.000Z', ownerId: 'u-li', stages: [S(1), S(5)] });
  await addDeal(db(), { amount: 100_000, status: 'won', createdAt: '2025-06-01T00:00:00.000Z', closedAt: '2025-11-30T17:00:00.000Z', stages: [S(1), S(5)] });
  await addDeal(db(), { amount: 1_000_000, currency: 'USD', status: 'won', createdAt: '2026-05-01T00:00:00.000Z', closedAt: '2026-05-11T00:00:00.000Z', stages: [S(1), S(5)] });
  await addDeal(db(), { amount: 80_000, status: 'lost', createdAt: '2026-02-01T00:00:00.000Z', closedAt: '2026-04-01T00:00:00.000Z', stages: [S(1), S(2), S(6)] });
  // Closed before the period (15:59 UTC on 30 November 2025 is still November in Shanghai).
  await addDeal(db(), { amount: 60_000, status: 'lost', createdAt: '2025-10-01T00:00:00.000Z', closedAt: '2025-11-30T15:59:00.000Z', stages: [S(1), S(6)] });
  await addDeal(db(), { amount: 40_000, status: 'won', createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-11-02T00:00:00.000Z', deleted: true, stages: [S(5)] });
}

describe('forecast.summary', () => {
  beforeEach(seed);

  it('buckets the open pipeline by month of expected close, with overdue, later and undated apart', async () => {
    const { open, months, currency, otherCurrencies } = await summary();
    expect(currency).toBe('CNY');
    expect(months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    expect(open.byMonth).toEqual([
      { month: '2026-11', count: 2, amount: 350_000, weighted: 160_000 },
      { month: '2026-12', count: 0, amount: 0, weighted: 0 },
      // 333,333 × 30 % = 99,999.9 fen, rounded.
      { month: '2027-01', count: 1, amount: 333_333, weighted: 100_000 },
      { month: '2027-02', count: 0, amount: 0, weighted: 0 },
      { month: '2027-03', count: 0, amount: 0, weighted: 0 },
      { month: '2027-04', count: 0, amount: 0, weighted: 0 },
    ]);
    expect(open.overdue).toEqual({ count: 1, amount: 50_000, weighted: 40_000 });
    expect(open.later).toEqual({ count: 1, amount: 90_000, weighted: 9_000 });
    expect(open.noDate).toEqual({ count: 1, amount: 70_000, weighted: 21_000 });
    expect(open.total).toEqual({ count: 6, amount: 893_333, weighted: 330_000 });
    expect(otherCurrencies).toEqual([{ currency: 'USD', count: 2 }]);
  });

  it('sums won, win rate, cycle and average deal over the results months in the caller’s zone', async () => {
    const { resultMonths, wonByMonth, results } = await summary();
    expect(resultMonths[0]).toBe('2025-12');
    expect(resultMonths.at(-1)).toBe('2026-11');
    expect(wonByMonth.filter((m) => m.count > 0)).toEqual([
      { month: '2025-12', count: 1, amount: 100_000 },
      { month: '2026-03', count: 1, amount: 200_000 },
      { month: '2026-11', count: 1, amount: 300_000 },
    ]);
    expect(wonByMonth).toHaveLength(12);
    // Counts take every currency (4 won incl. USD, 1 lost); amounts only CNY.
    expect(results).toEqual({
      won: 4,
      lost: 1,
      wonAmount: 600_000,
      winRate: 0.8,
      // (59 + 30.833 + 182.708 + 10) / 4 = 70.635 days.
      avgCycleDays: 70.6,
      avgWonAmount: 200_000,
    });
  });

  it('in UTC the boundary deals move to the neighbouring months', async () => {
    const { wonByMonth, results } = await summary({ utcOffset: 0 });
    expect(wonByMonth.filter((m) => m.count > 0).map((m) => m.month)).toEqual(['2026-03', '2026-10']);
    // The 2025-11-30 17:00Z win falls before December; the 15:59Z loss too.
    expect(results).toMatchObject({ won: 3, lost: 1, wonAmount: 500_000, winRate: 0.75 });
  });

  it('splits the pipeline and the wins by owner, largest weighted first', async () => {
    const { byOwner } = await summary();
    expect(byOwner).toEqual([
      { ownerId: 'u-li', ownerName: '李娜', count: 2, amount: 300_000, weighted: 190_000, wonCount: 1, wonAmount: 300_000 },
      { ownerId: 'owner', ownerName: '店主', count: 4, amount: 593_333, weighted: 140_000, wonCount: 2, wonAmount: 300_000 },
    ]);
  });

  it('counts the funnel by the furthest stage reached, skipped stages as passed and won as past all', async () => {
    const { funnel } = await summary();
    // Created in the period: 8 open (one USD), 3 won (one USD), 1 lost.
    expect(funnel.entered).toBe(11);
    expect(funnel.won).toBe(3);
    expect(funnel.stages.map((s) => [s.stageId, s.name, s.reached])).toEqual([
      [S(1), '初步接触', 11],
      [S(2), '需求确认', 8],
      [S(3), '方案报价', 5],
      [S(4), '商务谈判', 4],
    ]);
    expect(funnel.stages.map((s) => s.toNext)).toEqual([8 / 11, 5 / 8, 4 / 5, 3 / 4]);
    expect(funnel.stages.map((s) => s.toWon)).toEqual([3 / 11, 3 / 8, 3 / 5, 3 / 4]);
  });

  it('filters by owner', async () => {
    const { open, results, byOwner, funnel } = await summary({ ownerId: 'u-li' });
    expect(open.total).toEqual({ count: 2, amount: 300_000, weighted: 190_000 });
    expect(open.overdue.count).toBe(1);
    expect(results).toMatchObject({ won: 1, lost: 0, winRate: 1, avgCycleDays: 30.8, avgWonAmount: 300_000 });
    expect(byOwner.map((o) => o.ownerId)).toEqual(['u-li']);
    expect(funnel.stages.map((s) => s.reached)).toEqual([3, 3, 3, 2]);
  });

  it('sums another currency on its own', async () => {
    const { open, results, otherCurrencies } = await summary({ currency: 'USD' });
    expect(open.total).toEqual({ count: 1, amount: 500_000, weighted: 150_000 });
    expect(open.byMonth[1]).toEqual({ month: '2026-12', count: 1, amount: 500_000, weighted: 150_000 });
    expect(results).toMatchObject({ won: 4, wonAmount: 1_000_000, avgWonAmount: 1_000_000 });
    expect(otherCurrencies).toEqual([{ currency: 'CNY', count: 10 }]);
  });

  it('reads another pipeline with its own stages', async () => {
    const { pipelineId, pipelines, open, funnel } = await summary({ pipelineId: 'pipeline-b' });
    expect(pipelineId).toBe('pipeline-b');
    expect(pipelines.map((p) => p.id)).toEqual(['pipeline-default', 'pipeline-b']);
    expect(open.byMonth[0]).toEqual({ month: '2026-11', count: 1, amount: 777_777, weighted: 155_555 });
    expect(funnel.stages).toEqual([{ stageId: 'pipeline-b-open', name: 'open', reached: 1, toNext: 0, toWon: 0 }]);
  });
});

describe('forecast.summary without data', () => {
  it('gives zeros, nulls and an unreached funnel', async () => {
    const data = await runtime().call('forecast.summary', { month: '2026-11', utcOffset: 480, ahead: 3, back: 2 });
    expect(data.pipelineId).toBe('pipeline-default');
    expect(data.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(data.resultMonths).toEqual(['2026-10', '2026-11']);
    expect(data.open.total).toEqual({ count: 0, amount: 0, weighted: 0 });
    expect(data.byOwner).toEqual([]);
    expect(data.results).toEqual({ won: 0, lost: 0, wonAmount: 0, winRate: null, avgCycleDays: null, avgWonAmount: null });
    expect(data.funnel).toMatchObject({ entered: 0, won: 0 });
    expect(data.funnel.stages.map((s) => [s.reached, s.toNext, s.toWon])).toEqual(Array(4).fill([0, null, null]));
  });

  it('defaults to this month and the default pipeline', async () => {
    const data = await runtime().call('forecast.summary', { utcOffset: 0 });
    expect(data.months[0]).toBe(new Date().toISOString().slice(0, 7));
    expect(data.months).toHaveLength(6);
    expect(data.resultMonths).toHaveLength(12);
    expect(data.resultMonths.at(-1)).toBe(data.months[0]);
  });

  it('refuses an unknown pipeline, a bad month, and a role without reports', async () => {
    await expect(summary({ pipelineId: 'nope' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'pipelineId', message: 'forecast.errors.no_pipeline' }] });
    await expect(summary({ month: '2026-13' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'month' }] });
    const sales = builtinSession('sales', 's', '小李');
    await expect(runtime().call('forecast.summary', {}, sales)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('forecast.summary over opportunities made through the deals channels', () => {
  it('follows creates, moves (skipping a stage), won, lost and deletes', async () => {
    const call = runtime().call;
    const close = new Date().toISOString().slice(0, 10);
    const create = (name: string, amount: number) => call('deals.create', { name, amount, expectedClose: close });
    const open = await create('跳过需求确认', 100_000);
    const moved = await call('deals.move', { id: open.id, stageId: S(3) });
    const won = await create('赢单', 200_000);
    await call('deals.move', { id: won.id, stageId: S(5) });
    const lost = await create('输单', 50_000);
    await call('deals.move', { id: lost.id, stageId: S(2) });
    await call('deals.move', { id: lost.id, stageId: S(6), lostReason: '价格太高' });
    const gone = await create('已删除', 999_900);
    await call('deals.delete', { ids: [gone.id] });

    const data = await call('forecast.summary', { utcOffset: 0 });
    const weighted = (100_000 * moved.probability) / 100;
    expect(data.open.byMonth[0]).toEqual({ month: close.slice(0, 7), count: 1, amount: 100_000, weighted });
    expect(data.open.total).toEqual({ count: 1, amount: 100_000, weighted });
    expect(data.results).toMatchObject({ won: 1, lost: 1, winRate: 0.5, wonAmount: 200_000, avgWonAmount: 200_000, avgCycleDays: 0 });
    expect(data.wonByMonth.at(-1)).toEqual({ month: close.slice(0, 7), count: 1, amount: 200_000 });
    expect(data.funnel).toMatchObject({ entered: 3, won: 1 });
    expect(data.funnel.stages.map((s) => s.reached)).toEqual([3, 3, 2, 1]);
    expect(data.byOwner).toEqual([{ ownerId: 'owner', ownerName: '店主', count: 1, amount: 100_000, weighted, wonCount: 1, wonAmount: 200_000 }]);
  });
});

describe('forecast.summary funnel history', () => {
  it('ignores deleted history rows and stages of another pipeline', async () => {
    await addPipeline(db(), 'pipeline-b');
    const undone = await addDeal(db(), { amount: 1, stages: [S(4), S(1)] });
    await db().updateTable('opportunity_stage_history').set({ deleted_at: '2026-09-02T00:00:00.000Z' }).where('opportunity_id', '=', undone).where('stage_id', '=', S(4)).execute();
    await addDeal(db(), { amount: 1, stages: ['pipeline-b-open', S(2)] });
    const { funnel } = await summary();
    expect(funnel.entered).toBe(2);
    expect(funnel.stages.map((s) => s.reached)).toEqual([2, 1, 0, 0]);
    expect(funnel.stages.map((s) => s.toNext)).toEqual([0.5, 0, null, null]);
  });
});
