// The results of the period: won by month of closing, win rate, sales cycle and average deal.
// Counts (win rate, cycle) take every currency; amounts only the chosen one.
import { sql } from 'kysely';
import type { ForecastSummary } from '../../../shared/forecast';
import type { Ctx } from '../../core/context';
import { opportunitiesOf, type Scope } from './scope';

interface ClosedRow {
  month: string;
  status: 'won' | 'lost';
  inCurrency: number;
  count: number;
  amount: number;
  days: number;
}

type Results = Pick<ForecastSummary, 'wonByMonth' | 'results'>;

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export async function closedResults(ctx: Ctx, scope: Scope): Promise<Results> {
  const offset = `${scope.utcOffset >= 0 ? '+' : ''}${scope.utcOffset} minutes`;
  const { rows } = await sql<ClosedRow>`
    SELECT strftime('%Y-%m', o.closed_at, ${offset}) AS month, o.status AS status,
      o.currency = ${scope.currency} AS inCurrency, count(*) AS count, sum(o.amount) AS amount,
      sum(julianday(o.closed_at) - julianday(o.created_at)) AS days
    FROM opportunities o
    WHERE o.status IN ('won', 'lost') AND o.closed_at >= ${scope.from} AND o.closed_at < ${scope.to} AND ${opportunitiesOf(scope)}
    GROUP BY month, o.status, inCurrency`.execute(ctx.db);
  const won = rows.filter((row) => row.status === 'won');
  const wonHere = won.filter((row) => row.inCurrency === 1);
  const sum = (list: ClosedRow[], key: 'count' | 'amount' | 'days') => list.reduce((s, row) => s + row[key], 0);
  const wonCount = sum(won, 'count');
  const lostCount = sum(rows, 'count') - wonCount;
  const wonAmount = sum(wonHere, 'amount');
  const cycle = ratio(sum(won, 'days'), wonCount);
  const average = ratio(wonAmount, sum(wonHere, 'count'));
  return {
    wonByMonth: scope.resultMonths.map((month) => {
      const inMonth = wonHere.filter((row) => row.month === month);
      return { month, count: sum(inMonth, 'count'), amount: sum(inMonth, 'amount') };
    }),
    results: {
      won: wonCount,
      lost: lostCount,
      wonAmount,
      winRate: ratio(wonCount, wonCount + lostCount),
      avgCycleDays: cycle === null ? null : Math.round(cycle * 10) / 10,
      avgWonAmount: average === null ? null : Math.round(average),
    },
  };
}
