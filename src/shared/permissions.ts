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
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export type RoleName = 'admin' | 'manager' | 'sales' | 'service' | 'marketing';

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: [
    ...['customers.read', 'customers.write', 'customers.delete', 'customers.merge', 'settings.read', 'sync.run', 'data.import', 'data.export'],
    ...['leads.read', 'leads.write', 'deals.read', 'deals.write', 'sales.admin', 'products.read', 'products.write'],
    ...['orders.read', 'orders.write', 'tasks.read', 'tasks.write', 'reports.read'],
  ] as const,
  sales: [
    ...['customers.read', 'customers.write', 'customers.delete', 'settings.read', 'sync.run'],
    ...['leads.read', 'leads.write', 'deals.read', 'deals.write', 'products.read', 'orders.read', 'orders.write', 'tasks.read', 'tasks.write'],
  ] as const,
  service: ['customers.read', 'customers.write', 'settings.read', 'products.read', 'orders.read', 'tasks.read', 'tasks.write'],
  marketing: ['customers.read', 'settings.read', 'leads.read', 'leads.write', 'products.read', 'tasks.read', 'tasks.write', 'reports.read'],
};

export interface SessionInfo {
  userId: string;
  userName: string;
  role: RoleName;
  permissions: readonly Permission[];
}
