// Being built (issue #5): every channel answers 'internal' until its handler lands.
import type { usersContract } from '../../../shared/users';
import type { HandlersOf } from '../../core/context';

const pending = async (): Promise<never> => {
  throw new Error('not built yet');
};

export const sharesHandlers = new Proxy({}, { get: () => pending }) as HandlersOf<Pick<typeof usersContract, 'shares.list' | 'shares.set'>>;
