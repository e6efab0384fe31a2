// Every permission a channel can name, and what each built-in role holds. The main process
// enforces these; the renderer only uses them to hide what a role cannot use.

export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'customers.delete',
  'customers.merge',
  'settings.read',
  'settings.write',
  'data.admin',
  /** Export and import sync bundles, resolve sync conflicts. */
  'sync.run',
  /** Import contacts/companies from CSV, Excel, vCard; undo an import. */
  'data.import',
  /** Export contacts/companies to CSV, Excel, vCard. */
  'data.export',
  /** Leads and their follow-ups. */
  'leads.read',
  'leads.write',
  /** Opportunities on the pipeline (and their line items). */
  'deals.read',
  'deals.write',
  /** Pipelines and stages, lead sources and reasons: the sales set-up. */
  'sales.admin',
  /** The product catalogue; products.write also sets prices and stock. */
  'products.read',
  'products.write',
  /** Quotes and orders (confirming an order reserves stock). */
  'orders.read',
  'orders.write',
  /** Tasks, the agenda, the calendar and reminders. */
  'tasks.read',
  'tasks.write',
  /** Sales forecast and other reports. */
  'reports.read',
  /** Share one's own records with other users. */
  'records.share',
  /** Users and custom roles: add, edit, disable, reset passwords and second factors. */
  'users.admin',
  /** Read and export the audit log. */
  'audit.read',
  /** Back up now and list backups. */
  'backup.run',
  /** Security settings: encryption, auto-lock, backup schedule and retention; restore a backup. */
  'security.admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = ['admin', 'manager', 'sales', 'service', 'marketing'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Whose records a role sees: its own (and those shared with it), its team's, or all. */
export type Scope = 'own' | 'team' | 'all';
export const SCOPES = ['own', 'team', 'all'] as const satisfies readonly Scope[];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: [
    ...['customers.read', 'customers.write', 'customers.delete', 'customers.merge', 'settings.read', 'sync.run', 'data.import', 'data.export'],
    ...['leads.read', 'leads.write', 'deals.read', 'deals.write', 'sales.admin', 'products.read', 'products.write'],
    ...['orders.read', 'orders.write', 'tasks.read', 'tasks.write', 'reports.read', 'records.share', 'backup.run'],
  ] as const,
  sales: [
    ...['customers.read', 'customers.write', 'customers.delete', 'settings.read', 'sync.run'],
    ...['leads.read', 'leads.write', 'deals.read', 'deals.write', 'products.read', 'orders.read', 'orders.write', 'tasks.read', 'tasks.write', 'records.share'],
  ] as const,
  service: ['customers.read', 'customers.write', 'settings.read', 'products.read', 'orders.read', 'tasks.read', 'tasks.write', 'records.share'],
  marketing: ['customers.read', 'settings.read', 'leads.read', 'leads.write', 'products.read', 'tasks.read', 'tasks.write', 'reports.read'],
};

/** Record visibility of the built-in roles (issue #5): marketing works across all customers. */
export const ROLE_SCOPE: Record<RoleName, Scope> = { admin: 'all', manager: 'team', sales: 'own', service: 'own', marketing: 'all' };

export interface SessionInfo {
  userId: string;
  userName: string;
  /** A built-in role name, or a custom role's id. */
  role: string;
  permissions: readonly Permission[];
  /** Whose records this session sees (the main process filters every read and write by it). */
  scope: Scope;
  /** scope 'team': the user ids whose records are visible (the user and those reporting to them). */
  team: readonly string[];
}

/** A session of a built-in role (the single-user owner, tests, the CLI before sign-in). */
export function builtinSession(role: RoleName, userId: string, userName: string): SessionInfo {
  return { userId, userName, role, permissions: ROLE_PERMISSIONS[role], scope: ROLE_SCOPE[role], team: [userId] };
}
