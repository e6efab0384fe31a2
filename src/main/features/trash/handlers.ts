// PLACEHOLDER — replaced by the customers helper.
import { trashContract } from '../../../shared/trash';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const trashHandlers: HandlersOf<typeof trashContract> = Object.fromEntries(
  Object.keys(trashContract).map((c) => [c, notYet]),
) as never;
