// The `io.export` job: a read-only job on the worker's own connection (no write lock held while
// it reads), then one short write of its audit row. See export.ts.
import type { ExportResult, StartExportInput } from '../../../shared/io';
import type { TaskArgs } from '../../jobs/tasks';
import { exportCustomers } from './export';

export function runExportTask({ app, input, userId, viewer, hooks }: TaskArgs): Promise<ExportResult> {
  const { entity, format, filter, sort, dir } = input as StartExportInput;
  return exportCustomers(app, userId, { entity, format, filter, sort, dir, viewer }, hooks);
}
