// Stored values under a changed definition (an option renamed or removed, the type changed). Each
// is first carried over to its option's new name and converted where that loses nothing
// (convert.ts: 12.5 → '12.5', '12' → 12, '1990/1/2' → '1990-01-02', 'a' → option 'A', 'A' →
// ['A']); those are written without asking. What still does not fit is never left behind
// unnoticed: the save is refused with VALUES_MISFIT, or, when the caller says so, those values are
// cleared. Both are ordinary edits (change_log, field clocks and audit record them, so sync and
// the history see them like any other edit).
import { sql } from 'kysely';
import { VALUES_MISFIT, type CustomField, type CustomFieldMisfits, type CustomValues, type OptionRename } from '../../../shared/custom-fields';
import { KehuError } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { TABLE_OF } from '../customers';
import { patchCustom, valueProblem } from '../customers/custom-values';
import { convertValue, renamed } from './convert';

type Definition = Pick<CustomField, 'id' | 'entity' | 'type' | 'options'>;
type Value = CustomValues[string];

/** A record's value for the field: as stored, and as the new definition would hold it. */
interface Held {
  id: string;
  custom: CustomValues;
  stored: Value;
  value: Value;
  trashed: boolean;
}

/** What the save asks of the stored values: the options renamed, and whether to clear the misfits. */
interface Settle {
  renames: readonly OptionRename[];
  clear: boolean;
}

const isChoice = (def: Definition) => def.type === 'select' || def.type === 'multiselect';

/** The renames that move a value, from → to; none when the field held no options (a text names none). */
function renameMap(old: Definition, renames: readonly OptionRename[]): ReadonlyMap<string, string> {
  return new Map(isChoice(old) ? renames.filter((r) => r.from !== r.to).map((r) => [r.from, r.to]) : []);
}

/**
 * The new definition accepts everything the old one did and no option is renamed, so no stored
 * value can stop fitting or move. (The entity never changes here: customFields.save refuses that
 * before.)
 */
function widens(old: Definition, next: Definition, renames: ReadonlyMap<string, string>): boolean {
  return renames.size === 0 && old.type === next.type && old.options.every((o) => next.options.includes(o));
}

/**
 * The records of the field's entity holding a value for it, each value under its renamed option
 * and converted to the new definition. Records in the Trash are included: a restore brings a
 * record back as it is, so a value left there would be the same misfit (in its form, in our
 * export) one click later.
 */
async function heldValues(ctx: Ctx, def: Definition, renames: ReadonlyMap<string, string>): Promise<Held[]> {
  const rows = await ctx.db
    .selectFrom(TABLE_OF[def.entity])
    .select(['id', 'custom', 'deleted_at'])
    .where(sql`json_extract(custom, ${`$."${def.id}"`})`, 'is not', null)
    .execute();
  return rows.map((r) => {
    const custom = JSON.parse(r.custom) as CustomValues;
    const stored = custom[def.id] ?? null;
    return { id: r.id, custom, stored, value: convertValue(def, renamed(stored, renames)), trashed: r.deleted_at !== null };
  });
}

const changed = (h: Held) => JSON.stringify(h.value) !== JSON.stringify(h.stored);

/** Whether the definition accepts a held value: its shape (a joined list may grow too long) and its rules. */
const fits = (def: Definition, h: Held) => valueProblem(def, h.value) === null;

/** What the refusal tells: how many records, how many of them in the Trash, which dropped options they hold. */
function summary(old: Definition, next: Definition, misfits: Held[]): CustomFieldMisfits {
  // From a choice to a choice (select ↔ multiselect too) the misfits are options no longer in the
  // list: they are named. Other values misfit by their kind (a word under number): nothing to name.
  const choices = isChoice(old) && isChoice(next);
  const held = choices ? misfits.flatMap((m) => [m.value].flat()) : [];
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

/** Writes each record's field as `valueOf` says: one update per record, as any edit. */
async function rewrite(ctx: Ctx, def: Definition, held: Held[], valueOf: (h: Held) => Value): Promise<void> {
  for (const h of held) {
    const custom = patchCustom(h.custom, { [def.id]: valueOf(h) });
    await ctx.changes.update(TABLE_OF[def.entity], h.id, { custom: JSON.stringify(custom) });
  }
}

/**
 * Before a field's definition changes from `old` to `next`: carries the values of renamed options
 * over and converts the stored values that a lossless conversion makes fit; refuses when others
 * would still not fit, unless `clear`, which takes those off the records instead. Nothing is
 * written before the refusal is decided.
 */
export async function settleMisfits(ctx: Ctx, old: Definition, next: Definition, { renames, clear }: Settle): Promise<void> {
  const moves = renameMap(old, renames);
  if (widens(old, next, moves)) return;
  const held = await heldValues(ctx, next, moves);
  const misfits = held.filter((h) => !fits(next, h));
  if (misfits.length > 0 && !clear) throw misfitError(summary(old, next, misfits));
  const converted = held.filter((h) => fits(next, h) && changed(h));
  await rewrite(ctx, next, converted, (h) => h.value);
  await rewrite(ctx, next, misfits, (h) => keptPart(next, h.value));
  if (converted.length > 0) ctx.changes.note({ valuesConverted: converted.length });
  if (misfits.length > 0) ctx.changes.note({ misfitsCleared: misfits.length });
}
