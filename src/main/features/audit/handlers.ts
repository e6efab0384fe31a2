// The audit log screen's channels (shared/audit.ts). Nothing here, nor anywhere in the app,
// updates or deletes audit_log (triggers refuse it; audit.test.ts checks the sources).
import type { auditContract } from '../../../shared/audit';
import type { HandlersOf } from '../../core/context';
import { auditCsv } from './csv';
import { auditPage } from './query';

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.list': async ({ before, limit, ...filter }, ctx) => auditPage(ctx.db, filter, before ?? null, limit),

  'audit.actions': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return rows.map((r) => r.action);
  },

  // A mutation that changes nothing: its audit row records the filter and how many rows left.
  'audit.export': async (filter, ctx) => {
    const result = await auditCsv(ctx.db, filter);
    ctx.changes.note({ rows: result.rows });
    return result;
  },
};
