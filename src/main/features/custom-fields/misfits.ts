// Stored values that a changed definition would refuse (an option removed, the type changed):
// a save never leaves them behind unnoticed. It is refused with VALUES_MISFIT, or, when the
// caller says so, the values are cleared from the records as ordinary edits (change_log, field
// clocks and audit record them, so sync and the history see them like any other edit).
import { sql } from 'kysely';
import { VALUES_MISFIT, type CustomField, type CustomFieldMisfits, type CustomValues } from '../../../shared/custom-fields';
import { KehuError } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { TABLE_OF } from '../customers';
import { patchCustom, problemOf } from '../customers/custom-values';

type Definition = Pick<CustomField, 'id' | 'entity' | 'type' | 'options'>;
type Value = CustomValues[string];

interface Misfit {
  id: string;
  custom: CustomValues;
  value: Value;
  trashed: boolean;
}

/** The new definition accepts everything the old one did, so no stored value can stop fitting. */
function widens(old: Definition, next: Definition): boolean {
  return old.entity === next.entity && old.type === next.type && old.options.every((o) => next.options.includes(o));
}

/**
 * The records of the field's entity whose value for it the definition refuses. Records in the
 * Trash are included: a restore brings a record back as it is, so a value left there would be
 * the same misfit (in its form, in our export) one click later.
 */
async function findMisfits(ctx: Ctx, def: Definition): Promise<Misfit[]> {
  const rows = await ctx.db
    .selectFrom(TABLE_OF[def.entity])
    .select(['id', 'custom', 'deleted_at'])
    .where(sql`json_extract(custom, ${`$."${def.id}"`})`, 'is not', null)
    .execute();
  return rows.flatMap((r) => {
    const custom = JSON.parse(r.custom) as CustomValues;
    const value = custom[def.id];
    return problemOf(def, value) ? [{ id: r.id, custom, value, trashed: r.deleted_at !== null }] : [];
  });
}

/** What the refusal tells: how many records, how many of them in the Trash, which dropped options they hold. */
function summary(old: Definition, next: Definition, misfits: Misfit[]): CustomFieldMisfits {
  // Under a changed type the values misfit by their kind, not by an option: no option to name.
  const sameChoice = old.type === next.type && (next.type === 'select' || next.type === 'multiselect');
  const held = sameChoice ? misfits.flatMap((m) => [m.value].flat()) : [];
  const options = [...new Set(held.filter((v): v is string => typeof v === 'string' && !next.options.includes(v)))];
  return { count: misfits.length, trashed: misfits.filter((m) => m.trashed).length, options };
}

function misfitError(found: CustomFieldMisfits): KehuError {
  const params = { count: found.count, trashed: found.trashed, ...(found.options.length ? { options: found.options.join('、') } : {}) };
  return new KehuError({ code: 'conflict', message: VALUES_MISFIT, params, detail: found });
}

/** What stays of a misfit value: a multiselect keeps its options that remain, anything else goes. */
function keptPart(def: Definition, value: Value): Value {
  return def.type === 'multiselect' && Array.isArray(value) ? value.filter((v) => def.options.includes(v)) : null;
}

async function clearValues(ctx: Ctx, def: Definition, misfits: Misfit[]): Promise<void> {
  for (const m of misfits) {
    const custom = patchCustom(m.custom, { [def.id]: keptPart(def, m.value) });
    await ctx.changes.update(TABLE_OF[def.entity], m.id, { custom: JSON.stringify(custom) });
  }
  ctx.changes.note({ misfitsCleared: misfits.length });
}

/**
 * Before a field's definition changes from `old` to `next`: refuses when records hold values
 * `next` would refuse, unless `clear`, which takes those values off the records instead.
 */
export async function settleMisfits(ctx: Ctx, old: Definition, next: Definition, clear: boolean): Promise<void> {
  if (widens(old, next)) return;
  const misfits = await findMisfits(ctx, next);
  if (misfits.length === 0) return;
  if (!clear) throw misfitError(summary(old, next, misfits));
  await clearValues(ctx, next, misfits);
}
