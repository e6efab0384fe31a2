// Sync channels (DESIGN §4). Placeholder until the merge lands: every channel answers 'internal'.
import { KehuError } from '../../../shared/errors';
import type { syncContract } from '../../../shared/sync';
import type { HandlersOf } from '../../core/context';

const notYet = (): never => {
  throw new KehuError({ code: 'internal', params: { reason: 'sync not built yet' } });
};

export const syncHandlers: HandlersOf<typeof syncContract> = {
  'sync.status': async () => notYet(),
  'sync.rename': async () => notYet(),
  'sync.export': async () => notYet(),
  'sync.import': async () => notYet(),
  'sync.history': async () => notYet(),
  'sync.conflicts': async () => notYet(),
  'sync.resolve': async () => notYet(),
};
