// Import/export channels (shared/io.ts). Stubs until the import engine lands.
import { KehuError } from '../../../shared/errors';
import type { ioContract } from '../../../shared/io';
import type { HandlersOf } from '../../core/context';

const todo = (): Promise<never> => Promise.reject(new KehuError({ code: 'internal', params: { reason: 'not implemented' } }));

export const ioHandlers: HandlersOf<typeof ioContract> = {
  'io.upload': todo,
  'io.inspect': todo,
  'io.mappings': todo,
  'io.saveMapping': todo,
  'io.deleteMapping': todo,
  'io.startImport': todo,
  'io.imports': todo,
  'io.undoImport': todo,
  'io.startExport': todo,
  'io.download': todo,
};
