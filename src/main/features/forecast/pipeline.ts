// The open pipeline: opportunities still open, by month of expected close (with overdue, later
// and undated buckets of their own) and by owner with what each won in the results period.
import { sql } from 'kysely';
import type { ForecastSummary, OwnerForecast, PipelineBucket } from '../../../shared/forecast';
import type { Ctx } from '../../core/context';
import { WEIGHTED } from '../deals/load';
import { opportunitiesOf, type Scope } from './scope';

interface BucketRow {
  bucket: string;
  count: number;
  amount: number;
  weighted: number;
}

const EMPTY: PipelineBucket = { count: 0, amount: 0, weighted: 0 };
const toBucket = (row: BucketRow | undefined): PipelineBucket => (row ? { count: row.count, amount: row.amount, weighted: row.weighted } : EMPTY);

export async function openPipeline(ctx: Ctx, scope: Scope): Promise<ForecastSummary['open']> {
  const first = scope.months[0];
  const last = scope.months[scope.months.length - 1];
  // expected_close is a date (YYYY-MM-DD): its first seven characters are its month.
  const { rows } = await sql<BucketRow>`
    SELECT CASE
        WHEN o.expected_close IS NULL OR o.expected_close = '' THEN 'none'
        WHEN substr(o.expected_close, 1, 7) < ${first} THEN 'overdue'
        WHEN substr(o.expected_close, 1, 7) > ${last} THEN 'later'
        ELSE substr(o.expected_close, 1, 7) END AS bucket,
      count(*) AS count, sum(o.amount) AS amount, sum(${WEIGHTED}) AS weighted
    FROM opportunities o
    WHERE o.status = 'open' AND ${opportunitiesOf(scope)} AND o.currency = ${scope.currency}
    GROUP BY bucket`.execute(ctx.db);
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const total = rows.reduce<BucketRow>(
    (sum, row) => ({ ...sum, count: sum.count + row.count, amount: sum.amount + row.amount, weighted: sum.weighted + row.weighted }),
    { bucket: 'total', count: 0, amount: 0, weighted: 0 },
  );
  return {
    overdue: toBucket(byBucket.get('overdue')),
    byMonth: scope.months.map((month) => ({ month, ...toBucket(byBucket.get(month)) })),
    later: toBucket(byBucket.get('later')),
    noDate: toBucket(byBucket.get('none')),
    total: toBucket(total),
  };
}

interface OwnerRow {
  ownerId: string;
  ownerName: string | null;
  count: number;
  amount: number | null;
  weighted: number | null;
  wonCount: number;
  wonAmount: number | null;
}

/** Per owner: the open pipeline and what was won in the results period, largest weighted first. */
export async function pipelineByOwner(ctx: Ctx, scope: Scope): Promise<OwnerForecast[]> {
  const won = sql`(o.status = 'won' AND o.closed_at >= ${scope.from} AND o.closed_at < ${scope.to})`;
  const { rows } = await sql<OwnerRow>`
    SELECT o.owner_id AS ownerId, u.name AS ownerName,
      sum(o.status = 'open') AS count,
      sum(CASE WHEN o.status = 'open' THEN o.amount END) AS amount,
      sum(CASE WHEN o.status = 'open' THEN ${WEIGHTED} END) AS weighted,
      sum(${won}) AS wonCount,
      sum(CASE WHEN ${won} THEN o.amount END) AS wonAmount
    FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
    WHERE ${opportunitiesOf(scope)} AND o.currency = ${scope.currency} AND (o.status = 'open' OR ${won})
    GROUP BY o.owner_id
    ORDER BY weighted DESC, wonAmount DESC, o.owner_id`.execute(ctx.db);
  return rows.map((row) => ({
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    count: row.count,
    amount: row.amount ?? 0,
    weighted: row.weighted ?? 0,
    wonCount: row.wonCount,
    wonAmount: row.wonAmount ?? 0,
  }));
}

/** Opportunities open or closed in the period in other currencies: left out of the sums. */
export async function otherCurrencies(ctx: Ctx, scope: Scope): Promise<ForecastSummary['otherCurrencies']> {
  const { rows } = await sql<{ currency: string; count: number }>`
    SELECT o.currency AS currency, count(*) AS count
    FROM opportunities o
    WHERE ${opportunitiesOf(scope)} AND o.currency <> ${scope.currency}
      AND (o.status = 'open' OR (o.closed_at >= ${scope.from} AND o.closed_at < ${scope.to}))
    GROUP BY o.currency ORDER BY o.currency`.execute(ctx.db);
  return rows;
}
