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
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export type RoleName = 'admin' | 'manager' | 'sales' | 'service' | 'marketing';

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['customers.read', 'customers.write', 'customers.delete', 'customers.merge', 'settings.read', 'sync.run', 'data.import', 'data.export'],
  sales: ['customers.read', 'customers.write', 'customers.delete', 'settings.read', 'sync.run'],
  service: ['customers.read', 'customers.write', 'settings.read'],
  marketing: ['customers.read', 'settings.read'],
};

export interface SessionInfo {
  userId: string;
  userName: string;
  role: RoleName;
  permissions: readonly Permission[];
}
