// Sessions. Until users and login exist (issue: users, roles and security) every caller acts as
// the built-in owner, an administrator; every channel already names the permission it needs.
import { ROLE_PERMISSIONS, type SessionInfo } from '../../shared/permissions';

export const OWNER_ID = 'owner';

export const ownerSession: SessionInfo = {
  userId: OWNER_ID,
  userName: '店主',
  role: 'admin',
  permissions: ROLE_PERMISSIONS.admin,
};
