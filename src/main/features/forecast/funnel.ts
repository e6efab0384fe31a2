// The stage funnel: of the pipeline's opportunities created in the results period, how many
// reached each open stage. An opportunity counts for every stage up to the furthest one it was
// ever in (so a skipped stage counts as passed); a won one has passed them all.
import { sql } from 'kysely';
import type { ForecastSummary } from '../../../shared/forecast';
import type { Ctx } from '../../core/context';
import { opportunitiesOf, type Scope } from './scope';

interface ReachRow {
  /** The furthest open stage's position; -1 when never in one of this pipeline; null when won. */
  position: number | null;
  won: number;
  count: number;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** How many opportunities got furthest to each position (the won ones apart: they passed all). */
async function furthestPositions(ctx: Ctx, scope: Scope): Promise<ReachRow[]> {
  // Per opportunity through the history index rather than a join and union of all the history
  // (half the time at 50k). The current stage counts too: a synced opportunity may arrive before
  // its history rows.
  const { rows } = await sql<ReachRow>`
    WITH st AS (SELECT id, position FROM pipeline_stages WHERE pipeline_id = ${scope.pipelineId} AND kind = 'open'),
    reach AS (
      SELECT o.status = 'won' AS won,
        CASE WHEN o.status = 'won' THEN NULL ELSE max(
          coalesce((SELECT st.position FROM st WHERE st.id = o.stage_id), -1),
          coalesce((SELECT max(st.position) FROM opportunity_stage_history h JOIN st ON st.id = h.stage_id
                    WHERE h.opportunity_id = o.id AND h.deleted_at IS NULL), -1)) END AS position
      FROM opportunities o
      WHERE ${opportunitiesOf(scope)} AND o.created_at >= ${scope.from} AND o.created_at < ${scope.to})
    SELECT position, won, count(*) AS count FROM reach GROUP BY position, won`.execute(ctx.db);
  return rows;
}

export async function stageFunnel(ctx: Ctx, scope: Scope): Promise<ForecastSummary['funnel']> {
  const stages = await ctx.db
    .selectFrom('pipeline_stages')
    .select(['id', 'name', 'position'])
    .where('pipeline_id', '=', scope.pipelineId)
    .where('kind', '=', 'open')
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const reach = await furthestPositions(ctx, scope);
  const entered = reach.reduce((sum, row) => sum + row.count, 0);
  const won = reach.reduce((sum, row) => sum + (row.won ? row.count : 0), 0);
  const reached = stages.map(
    (stage) => won + reach.reduce((sum, row) => sum + (!row.won && row.position !== null && row.position >= 0 && row.position >= stage.position ? row.count : 0), 0),
  );
  return {
    entered,
    won,
    stages: stages.map((stage, i) => ({
      stageId: stage.id,
      name: stage.name,
      reached: reached[i],
      toNext: ratio(i + 1 < stages.length ? reached[i + 1] : won, reached[i]),
      toWon: ratio(won, reached[i]),
    })),
  };
}
