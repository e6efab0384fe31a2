// PLACEHOLDER — replaced by the customers helper.
import { viewsContract } from '../../../shared/views';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const viewsHandlers: HandlersOf<typeof viewsContract> = Object.fromEntries(
  Object.keys(viewsContract).map((c) => [c, notYet]),
) as never;
