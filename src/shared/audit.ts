// The audit log screen (issue #5): every mutation, sign-in, failed sign-in, export and permission
// change, filtered and exported by an administrator. Append-only: no channel edits or deletes it.
import { z } from 'zod';
import { channel } from './contract-kit';

export interface AuditRow {
  seq: number;
  at: string;
  userId: string;
  userName: string | null;
  /** The channel (e.g. contacts.update) or an event (auth.login, auth.loginFailed ...). */
  action: string;
  entity: string | null;
  entityIds: string[];
  /** JSON texts as stored: before/after per record, the input with secrets blanked. */
  before: string | null;
  after: string | null;
  input: string | null;
}

export const AuditFilter = z.object({
  from: z.string().max(40).nullish(),
  to: z.string().max(40).nullish(),
  userId: z.string().max(64).nullish(),
  action: z.string().max(80).nullish(),
  entity: z.string().max(40).nullish(),
  /** A record id (rows that touched it). */
  recordId: z.string().max(64).nullish(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const auditContract = {
  /** Newest first; `before` is the last seq of the previous page. */
  'audit.list': channel<{ rows: AuditRow[]; next: number | null }>()({
    kind: 'query',
    permission: 'audit.read',
    input: AuditFilter.extend({ before: z.number().int().positive().nullish(), limit: z.number().int().min(1).max(500).default(100) }),
  }),
  /** The distinct actions in the log (the filter's choices). */
  'audit.actions': channel<string[]>()({ kind: 'query', permission: 'audit.read', input: z.object({}) }),
  /**
   * The filtered log as CSV (UTF-8 with BOM). Kind 'query' like io.startExport: it writes its own
   * audit row, which records the filter and how many rows were exported.
   */
  'audit.export': channel<{ csv: string; rows: number }>()({ kind: 'mutation', permission: 'audit.read', input: AuditFilter, entity: 'audit' }),
};
