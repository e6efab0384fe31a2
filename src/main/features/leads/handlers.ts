import type { leadsContract } from '../../../shared/leads';
import type { HandlersOf } from '../../core/context';
import { picklistsHandlers } from './picklists';

export const leadsHandlers: HandlersOf<typeof leadsContract> = {
  ...picklistsHandlers,
};
