// Users, roles and sharing: accounts (sign-in names, passwords, second factors; with the key
// file) in accounts.ts, custom roles in roles.ts, shared records in shares.ts.
import type { usersContract } from '../../../shared/users';
import type { HandlersOf } from '../../core/context';
import { accountsHandlers } from './accounts';
import { rolesHandlers } from './roles';
import { sharesHandlers } from './shares';

export const usersHandlers: HandlersOf<typeof usersContract> = { ...accountsHandlers, ...rolesHandlers, ...sharesHandlers };
