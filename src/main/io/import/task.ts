// The `io.import` job (in progress).
import type { ImportResult } from '../../../shared/io';
import type { TaskArgs } from '../../jobs/tasks';

export function runImportTask(_args: TaskArgs): Promise<ImportResult> {
  return Promise.reject(new Error('not implemented'));
}
