// PLACEHOLDER — replaced by the customers helper.
import { customFieldsContract } from '../../../shared/custom-fields';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const customFieldsHandlers: HandlersOf<typeof customFieldsContract> = Object.fromEntries(
  Object.keys(customFieldsContract).map((c) => [c, notYet]),
) as never;
