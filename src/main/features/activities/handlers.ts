// PLACEHOLDER — replaced by the customers helper.
import { activitiesContract } from '../../../shared/activities';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const activitiesHandlers: HandlersOf<typeof activitiesContract> = Object.fromEntries(
  Object.keys(activitiesContract).map((c) => [c, notYet]),
) as never;
