// Being built (issue #5): every channel answers 'internal' until its handler lands.
import type { authContract } from '../../../shared/auth';
import type { HandlersOf } from '../../core/context';

const pending = async (): Promise<never> => {
  throw new Error('not built yet');
};

export const authHandlers = new Proxy({}, { get: () => pending }) as HandlersOf<typeof authContract>;
