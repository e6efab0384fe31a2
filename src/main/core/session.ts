// The built-in owner: the one user of a single-user data folder (no password), and the session the
// CLI, tests and the demo seeder act as on a data folder that has not been set up.
import { builtinSession } from '../../shared/permissions';

export const OWNER_ID = 'owner';

export const ownerSession = builtinSession('admin', OWNER_ID, '店主');
