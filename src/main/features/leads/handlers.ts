import type { leadsContract } from '../../../shared/leads';
import type { HandlersOf } from '../../core/context';

export const leadsHandlers: HandlersOf<typeof leadsContract> = {};
