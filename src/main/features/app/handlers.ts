// PLACEHOLDER — replaced by the customers helper.
import { appContract } from '../../../shared/app';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const appHandlers: HandlersOf<typeof appContract> = Object.fromEntries(
  Object.keys(appContract).map((c) => [c, notYet]),
) as never;
