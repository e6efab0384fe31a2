// Reading the audit log: the filter as SQL, newest first, paged by seq. Dates in the filter are
// days in this computer's zone (the from day and the to day both count), or exact ISO instants.
import { sql, type Kysely } from 'kysely';
import type { AuditFilter, AuditRow } from '../../../shared/audit';
import { KehuError } from '../../../shared/errors';
import type { Database } from '../../db/schema';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const invalidDate = (field: string) => new KehuError({ code: 'invalid_input', fields: [{ path: field, message: 'validation.date' }] });

/**
 * The filter's bound as a stored-time text (stored times are toISOString() texts, so text order is
 * time order): a day's local start (from), the next day's local start (to, compared with <), or an
 * exact instant.
 */
function bound(value: string, field: 'from' | 'to'): { at: string; inclusive: boolean } {
  const day = DAY.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    const start = new Date(y, m, d);
    if (start.getFullYear() !== y || start.getMonth() !== m || start.getDate() !== d) throw invalidDate(field);
    return field === 'to' ? { at: new Date(y, m, d + 1).toISOString(), inclusive: false } : { at: start.toISOString(), inclusive: true };
  }
  const instant = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(instant.getTime())) throw invalidDate(field);
  return { at: instant.toISOString(), inclusive: true };
}

/** The log's rows that match the filter, with the user's name, newest first. */
export function filteredLog(db: Kysely<Database>, filter: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.seq', 'a.at', 'a.user_id', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_ids', 'a.before', 'a.after', 'a.input'])
    .orderBy('a.seq', 'desc');
  if (filter.from) {
    const from = bound(filter.from, 'from');
    q = q.where('a.at', '>=', from.at);
  }
  if (filter.to) {
    const to = bound(filter.to, 'to');
    q = q.where('a.at', to.inclusive ? '<=' : '<', to.at);
  }
  if (filter.userId) q = q.where('a.user_id', '=', filter.userId);
  if (filter.action) q = q.where('a.action', '=', filter.action);
  if (filter.entity) q = q.where('a.entity', '=', filter.entity);
  // entity_ids is a JSON array text: compare whole elements, never a substring of the text.
  if (filter.recordId) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(a.entity_ids) WHERE json_each.value = ${filter.recordId})`);
  return q;
}

type LogRow = Awaited<ReturnType<ReturnType<typeof filteredLog>['execute']>>[number];

export function toAuditRow(r: LogRow): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name ?? null,
    action: r.action,
    entity: r.entity,
    entityIds: JSON.parse(r.entity_ids) as string[],
    before: r.before,
    after: r.after,
    input: r.input,
  };
}

/** One page: rows older than `before` (a seq), and the seq to ask for the next page with. */
export async function auditPage(db: Kysely<Database>, filter: AuditFilter, before: number | null, limit: number): Promise<{ rows: AuditRow[]; next: number | null }> {
  let q = filteredLog(db, filter).limit(limit + 1);
  if (before) q = q.where('a.seq', '<', before);
  const found = await q.execute();
  const rows = found.slice(0, limit).map(toAuditRow);
  return { rows, next: found.length > limit ? rows[rows.length - 1]!.seq : null };
}
