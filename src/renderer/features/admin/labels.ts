// Words for what the administrator's screens show by id: roles, permissions in groups, audit
// actions and entities. Unknown ids show as they are (a newer device may sync in a new action).
import type { TFunction } from 'i18next';
import type { RoleInfo } from '../../../shared/users';
import { ROLE_NAMES, type Permission } from '../../../shared/permissions';

/** The roles editor's checkbox groups; every permission is in exactly one (labels.test.ts). */
export const PERMISSION_GROUPS = {
  customers: ['customers.read', 'customers.write', 'customers.delete', 'customers.merge', 'records.share'],
  sales: ['leads.read', 'leads.write', 'deals.read', 'deals.write', 'sales.admin', 'reports.read'],
  orders: ['products.read', 'products.write', 'orders.read', 'orders.write'],
  tasks: ['tasks.read', 'tasks.write'],
  data: ['settings.read', 'settings.write', 'data.import', 'data.export', 'sync.run', 'data.admin'],
  admin: ['users.admin', 'audit.read', 'backup.run', 'security.admin'],
} satisfies Record<string, Permission[]>;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;

export const permissionLabel = (t: TFunction, permission: Permission) => t(`admin.permissions.${permission}`);

const isBuiltin = (role: string): boolean => (ROLE_NAMES as readonly string[]).includes(role);

/** A built-in role by its translated name, a custom one by the name it was given. */
export function roleLabel(t: TFunction, role: string, roles: readonly RoleInfo[] | null | undefined): string {
  if (isBuiltin(role)) return t(`admin.roles.builtin.${role}`);
  return roles?.find((r) => r.id === role)?.name ?? t('admin.roles.unknown');
}

/**
 * An audit action in words: the sign-in events by name, a channel as "domain · verb"
 * (contacts.update → 联系人 · 修改) when both parts are known, else the action as recorded.
 */
export function actionLabel(t: TFunction, action: string): string {
  const [domain, verb, ...rest] = action.split('.');
  if (!domain || !verb || rest.length) return action;
  const event = t(`admin.audit.events.${action}`, { defaultValue: '' });
  if (event) return event;
  const d = t(`admin.audit.domains.${domain}`, { defaultValue: '' });
  const v = t(`admin.audit.verbs.${verb}`, { defaultValue: '' });
  return d && v ? `${d} · ${v}` : action;
}

/** The entities mutations are logged under (the contract's `entity` names), for the filter. */
export const AUDIT_ENTITIES = ['contact', 'company', 'lead', 'opportunity', 'quote', 'order', 'product', 'task', 'activity', 'tag', 'user', 'role', 'share', 'backup', 'setting', 'audit', 'sync', 'import', 'trash'] as const;

export const entityLabel = (t: TFunction, entity: string) => t(`admin.audit.entities.${entity}`, { defaultValue: entity });

/** A stored JSON text indented for reading (as stored when it is not JSON). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
