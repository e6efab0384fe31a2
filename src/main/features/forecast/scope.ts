// What a forecast is of: the pipeline, owner and currency asked for, and its months turned into
// the UTC instants that bound the results period (closing times are stored in UTC, the months
// are the person's own).
import { sql, type RawBuilder } from 'kysely';
import { addMonths, monthAt, monthsFrom, type ForecastQuery } from '../../../shared/forecast';
import { KehuError } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import type { z } from 'zod';

export interface Scope {
  pipelineId: string;
  pipelines: { id: string; name: string }[];
  ownerId: string | null;
  /** The opportunities (alias o) the session sees: a sales forecast is of their own numbers. */
  visible: RawBuilder<unknown>;
  currency: string;
  utcOffset: number;
  /** This month and the ones after it. */
  months: string[];
  /** The results months, ending with this month. */
  resultMonths: string[];
  /** Results period as UTC ISO instants: [from, to). */
  from: string;
  to: string;
}

/** The UTC instant at which `month` begins `utcOffset` minutes east of UTC. */
export function monthStartUtc(month: string, utcOffset: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1) - utcOffset * 60_000).toISOString();
}

async function pipelinesOf(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return ctx.db
    .selectFrom('pipelines')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .orderBy('is_default', 'desc')
    .orderBy('position')
    .execute();
}

export async function scopeOf(ctx: Ctx, input: z.output<typeof ForecastQuery>): Promise<Scope> {
  const pipelines = await pipelinesOf(ctx);
  const pipelineId = input.pipelineId ?? pipelines[0]?.id;
  if (!pipelineId || !pipelines.some((p) => p.id === pipelineId)) {
    throw new KehuError({ code: 'invalid_input', fields: [{ path: 'pipelineId', message: 'forecast.errors.no_pipeline' }] });
  }
  const utcOffset = input.utcOffset ?? -new Date().getTimezoneOffset();
  const month = input.month ?? monthAt(new Date(), utcOffset);
  const resultMonths = monthsFrom(addMonths(month, 1 - input.back), input.back);
  return {
    pipelineId,
    pipelines,
    ownerId: input.ownerId ?? null,
    visible: visibleTo(ctx.session, 'opportunities', 'o'),
    currency: input.currency,
    utcOffset,
    months: monthsFrom(month, input.ahead),
    resultMonths,
    from: monthStartUtc(resultMonths[0], utcOffset),
    to: monthStartUtc(addMonths(month, 1), utcOffset),
  };
}

/** The live opportunities of the scope's pipeline and owner (alias o) that the session sees. */
export function opportunitiesOf(scope: Scope): RawBuilder<unknown> {
  const owner = scope.ownerId ? sql`AND o.owner_id = ${scope.ownerId}` : sql``;
  return sql`o.deleted_at IS NULL AND o.pipeline_id = ${scope.pipelineId} ${owner} AND ${scope.visible}`;
}
