// The stage funnel: of the pipeline's opportunities created in the results period, how many
// reached each open stage. An opportunity counts for every stage up to the furthest one it was
// ever in (so a skipped stage counts as passed); a won one has passed them all.
import { sql } from 'kysely';
import type { ForecastSummary } from '../../../shared/forecast';
import type { Ctx } from '../../core/context';
import { opportunitiesOf, type Scope } from './scope';

interface StageRow {
  stageId: string;
  name: string;
  reached: number;
}

const WON_POSITION = 1e9;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export async function stageFunnel(ctx: Ctx, scope: Scope): Promise<ForecastSummary['funnel']> {
  // The current stage is unioned in: a synced opportunity may arrive before its history rows.
  const reach = sql`
    cohort AS (
      SELECT o.id, o.status, o.stage_id FROM opportunities o
      WHERE ${opportunitiesOf(scope)} AND o.created_at >= ${scope.from} AND o.created_at < ${scope.to}),
    visited AS (
      SELECT h.opportunity_id AS id, h.stage_id FROM opportunity_stage_history h
      WHERE h.deleted_at IS NULL AND h.opportunity_id IN (SELECT id FROM cohort)
      UNION SELECT id, stage_id FROM cohort),
    reach AS (
      SELECT c.id, c.status,
        CASE WHEN c.status = 'won' THEN ${WON_POSITION} ELSE max(s.position) END AS position
      FROM cohort c JOIN visited v ON v.id = c.id
      LEFT JOIN pipeline_stages s ON s.id = v.stage_id AND s.pipeline_id = ${scope.pipelineId} AND s.kind = 'open'
      GROUP BY c.id)`;
  const { rows } = await sql<StageRow>`
    WITH ${reach}
    SELECT s.id AS stageId, s.name AS name, (SELECT count(*) FROM reach r WHERE r.position >= s.position) AS reached
    FROM pipeline_stages s
    WHERE s.pipeline_id = ${scope.pipelineId} AND s.kind = 'open' AND s.deleted_at IS NULL
    ORDER BY s.position, s.id`.execute(ctx.db);
  const totals = await sql<{ entered: number; won: number }>`
    WITH ${reach}
    SELECT count(*) AS entered, coalesce(sum(status = 'won'), 0) AS won FROM reach`.execute(ctx.db);
  const { entered, won } = totals.rows[0];
  return {
    entered,
    won,
    stages: rows.map((row, i) => ({
      ...row,
      toNext: ratio(i + 1 < rows.length ? rows[i + 1].reached : won, row.reached),
      toWon: ratio(won, row.reached),
    })),
  };
}
