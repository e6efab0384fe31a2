// PLACEHOLDER — replaced by the customers helper.
import { companiesContract } from '../../../shared/companies';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const companiesHandlers: HandlersOf<typeof companiesContract> = Object.fromEntries(
  Object.keys(companiesContract).map((c) => [c, notYet]),
) as never;
