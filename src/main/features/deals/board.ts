// The kanban board of one pipeline: a column per stage with its count and sums. Open stages show
// everything in them; won and lost columns only what closed recently, or they would only grow.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Board, BoardColumn, BoardQuery } from '../../../shared/deals';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import { selectDeals, toOpportunity, WEIGHTED, type DealRow } from './load';
import { defaultPipeline, getPipeline } from './pipelines';

export const CARDS_PER_COLUMN = 200;

export async function dealBoard(input: z.output<typeof BoardQuery>, ctx: Ctx): Promise<Board> {
  const pipeline = input.pipelineId ? await getPipeline(ctx, input.pipelineId) : await defaultPipeline(ctx);
  const since = new Date(Date.parse(ctx.now) - input.closedDays * 86_400_000).toISOString();
  const where = [
    sql`o.deleted_at IS NULL`,
    visibleTo(ctx.session, 'opportunities', 'o'),
    sql`o.pipeline_id = ${pipeline.id}`,
    sql`(o.status = 'open' OR o.closed_at >= ${since})`,
    ...(input.ownerId ? [sql`o.owner_id = ${input.ownerId}`] : []),
  ];
  const condition = sql.join(where, sql` AND `);
  const { rows: sums } = await sql<{ stage_id: string; count: number; amount: number; weighted: number }>`
    SELECT o.stage_id, count(*) AS count, sum(o.amount) AS amount, sum(${WEIGHTED}) AS weighted
    FROM opportunities o WHERE ${condition} GROUP BY o.stage_id`.execute(ctx.db);
  // Each stage's first cards: soonest expected close first, those without a date last.
  const { rows: cards } = await sql<DealRow>`
    SELECT * FROM (
      ${selectDeals(sql`row_number() OVER (PARTITION BY o.stage_id ORDER BY o.expected_close IS NULL, o.expected_close, o.rid) AS "$n"`)}
      WHERE ${condition})
    WHERE "$n" <= ${CARDS_PER_COLUMN} ORDER BY "$n"`.execute(ctx.db);
  const columns: BoardColumn[] = pipeline.stages.map((stage) => {
    const sum = sums.find((s) => s.stage_id === stage.id);
    return {
      stage,
      count: sum?.count ?? 0,
      amount: sum?.amount ?? 0,
      weighted: sum?.weighted ?? 0,
      cards: cards.filter((c) => c.stage_id === stage.id).map(toOpportunity),
    };
  });
  return { pipeline, columns };
}
