// The audit log screen's channels (shared/audit.ts). Nothing here, nor anywhere in the app,
// updates or deletes audit_log (triggers refuse it; audit.test.ts checks the sources).
import type { auditContract } from '../../../shared/audit';
import type { HandlersOf } from '../../core/context';
import { writeAudit } from '../../core/logs';
import { auditCsv } from './csv';
import { auditPage } from './query';

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.list': async ({ before, limit, ...filter }, ctx) => auditPage(ctx.db, filter, before ?? null, limit),

  'audit.actions': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return rows.map((r) => r.action);
  },

  // A query-kind channel (no transaction around it): the export records itself, with its count.
  'audit.export': async (filter, ctx) => {
    const result = await auditCsv(ctx.db, filter);
    await writeAudit(ctx.db, { at: ctx.now, userId: ctx.session.userId, channel: 'audit.export', entity: 'audit', records: [], input: { ...filter, rows: result.rows } });
    return result;
  },
};
