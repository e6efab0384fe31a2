// Sales forecast (销售预测): the weighted pipeline by month of expected close and by owner, the
// results of a period (won by month, win rate, cycle time, average deal) and the stage funnel.
// Sums are of one currency at a time, in minor units; opportunities in other currencies are only
// counted, so that the screen can say what it left out.
import { z } from 'zod';
import { channel } from './contract-kit';
import { Currency } from './money';
import { idField } from './validation';

/** A calendar month, YYYY-MM. */
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'forecast.errors.month');

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months starting at `first`. */
export function monthsFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

/** The month of an instant as seen `utcOffset` minutes east of UTC. */
export function monthAt(instant: Date, utcOffset: number): string {
  return new Date(instant.getTime() + utcOffset * 60_000).toISOString().slice(0, 7);
}

export const ForecastQuery = z.object({
  /** Absent: the default pipeline. */
  pipelineId: idField.nullish(),
  /** Absent: every owner. */
  ownerId: idField.nullish(),
  currency: Currency.default('CNY'),
  /** "This month" (the caller's; default: this month at utcOffset). */
  month: monthField.optional(),
  /** Minutes east of UTC of the person looking (closing times are bucketed in their months). */
  utcOffset: z.number().int().min(-14 * 60).max(14 * 60).optional(),
  /** Months of expected close shown, this month first. */
  ahead: z.number().int().min(1).max(24).default(6),
  /** Months of results (won, lost, cycle, funnel), ending with this month. */
  back: z.number().int().min(1).max(36).default(12),
});
export type ForecastQuery = z.input<typeof ForecastQuery>;

/** Open opportunities: how many, their amount, and their weighted amount. */
export interface PipelineBucket {
  count: number;
  amount: number;
  /** amount × probability / 100, each rounded to a fen as on the deals board, then summed. */
  weighted: number;
}

export interface OwnerForecast extends PipelineBucket {
  ownerId: string;
  /** null when the owner is not a known user (e.g. synced from another device). */
  ownerName: string | null;
  wonCount: number;
  wonAmount: number;
}

export interface FunnelStage {
  stageId: string;
  name: string;
  /** Opportunities that reached this stage or went past it (skipped stages count as passed). */
  reached: number;
  /** Share of those that reached the next open stage (the last one: won); null when none reached. */
  toNext: number | null;
  toWon: number | null;
}

export interface ForecastSummary {
  pipelineId: string;
  pipelines: { id: string; name: string }[];
  currency: string;
  /** Live opportunities of the pipeline (and owner) in other currencies, left out of every sum. */
  otherCurrencies: { currency: string; count: number }[];
  /** This month and the months after it (`ahead`), then the results months (`back`). */
  months: string[];
  resultMonths: string[];
  open: {
    /** Expected close before this month and still open. */
    overdue: PipelineBucket;
    byMonth: (PipelineBucket & { month: string })[];
    /** Expected close after the last month shown. */
    later: PipelineBucket;
    noDate: PipelineBucket;
    total: PipelineBucket;
  };
  byOwner: OwnerForecast[];
  wonByMonth: { month: string; count: number; amount: number }[];
  results: {
    won: number;
    lost: number;
    wonAmount: number;
    /** won / (won + lost) closed in the results months; null when none closed. */
    winRate: number | null;
    /** Days from created to won, averaged over the won; null when none. */
    avgCycleDays: number | null;
    /** Minor units, rounded; null when none won. */
    avgWonAmount: number | null;
  };
  /** Opportunities of the pipeline created in the results months, by the furthest stage reached. */
  funnel: { stages: FunnelStage[]; entered: number; won: number };
}

export const forecastContract = {
  'forecast.summary': channel<ForecastSummary>()({ kind: 'query', permission: 'reports.read', input: ForecastQuery }),
};
