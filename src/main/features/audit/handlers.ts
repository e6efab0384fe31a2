// Being built (issue #5): every channel answers 'internal' until its handler lands.
import type { auditContract } from '../../../shared/audit';
import type { HandlersOf } from '../../core/context';

const pending = async (): Promise<never> => {
  throw new Error('not built yet');
};

export const auditHandlers = new Proxy({}, { get: () => pending }) as HandlersOf<typeof auditContract>;
