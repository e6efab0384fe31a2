// The two logs a committed mutation leaves: change_log (what sync sends, one row per touched
// record with only the fields it set) and audit_log (who did what, before and after).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { TouchedRecord } from './changes';
import type { AppState } from './context';

/** A purge travels as this marker; the sync merge deletes the row for good. */
export const PURGED_FIELD = '$purged';

export async function writeChangeLog(trx: Kysely<Database>, app: AppState, records: TouchedRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    hlc: app.clock.send(),
    device_id: app.deviceId,
    tbl: r.table,
    row_id: r.id,
    fields: JSON.stringify(r.purged ? { [PURGED_FIELD]: true } : r.fields),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('change_log').values(rows.slice(i, i + 500)).execute();
  }
}

const SECRET_KEY = /pass(word)?|secret|token|totp|code$/i;
const MAX_INPUT_CHARS = 20_000;

/** Input as the caller sent it, with secrets blanked and huge payloads cut. */
function auditInput(input: unknown): string | null {
  if (input === undefined) return null;
  const text = JSON.stringify(input, (key, value) => (SECRET_KEY.test(key) ? '***' : value));
  if (text === undefined) return null;
  return text.length > MAX_INPUT_CHARS ? `${text.slice(0, MAX_INPUT_CHARS)}…` : text;
}

export interface AuditEntry {
  at: string;
  userId: string;
  channel: string;
  entity: string | null;
  records: TouchedRecord[];
  input: unknown;
}

export async function writeAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const byId = (pick: (r: TouchedRecord) => unknown) =>
    entry.records.length ? JSON.stringify(Object.fromEntries(entry.records.map((r) => [`${r.table}:${r.id}`, pick(r)]))) : null;
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.userId,
      action: entry.channel,
      entity: entry.entity,
      entity_ids: JSON.stringify([...new Set(entry.records.map((r) => r.id))]),
      before: byId((r) => r.before),
      after: byId((r) => (r.purged ? null : r.fields)),
      input: auditInput(entry.input),
    })
    .execute();
}
