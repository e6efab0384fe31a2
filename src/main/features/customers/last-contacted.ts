// A customer's last_contacted_at is the newest live activity on its timeline (for a company,
// its contacts' activities included); kept on the row so lists can sort and filter by it.
import { sql } from 'kysely';
import type { Ctx } from '../../core/context';
import { TABLE_OF, type CustomerKind } from './kinds';

export async function refreshLastContacted(ctx: Ctx, kind: CustomerKind, id: string): Promise<void> {
  const column = sql.ref(kind === 'company' ? 'company_id' : 'subject_id');
  const { rows } = await sql<{ last: string | null }>`
    SELECT max(occurred_at) AS last FROM activities WHERE ${column} = ${id} AND deleted_at IS NULL`.execute(ctx.db);
  await ctx.changes.update(TABLE_OF[kind], id, { last_contacted_at: rows[0]?.last ?? null });
}
