// The audit log's filter as the main process takes it.
import dayjs from 'dayjs';
import type { AuditFilter } from '../../../shared/audit';

/**
 * The filter as sent: the picked days become instants in this screen's zone (the first moment of
 * the from day, the last of the to day), which the main process takes as they are; a browser
 * on the host may be in another zone than the main process.
 */
export function auditQuery(filter: AuditFilter): AuditFilter {
  return {
    ...filter,
    from: filter.from ? dayjs(filter.from).startOf('day').toISOString() : null,
    to: filter.to ? dayjs(filter.to).endOf('day').toISOString() : null,
  };
}
