import type { dealsContract } from '../../../shared/deals';
import type { HandlersOf } from '../../core/context';

export const dealsHandlers: HandlersOf<typeof dealsContract> = {};
