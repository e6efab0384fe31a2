// The `io.export` job (placeholder: the export helper replaces this file).
import type { ExportResult } from '../../../shared/io';
import type { TaskArgs } from '../../jobs/tasks';

export function runExportTask(_args: TaskArgs): Promise<ExportResult> {
  return Promise.reject(new Error('not implemented'));
}
