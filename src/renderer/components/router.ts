// A small hash router: the app has a handful of screens and no server routes, so the route is
// `#/<section>/<id>...` read with useSyncExternalStore.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'leads' }
  | { page: 'lead'; id: string }
  | { page: 'deals' }
  | { page: 'deal'; id: string }
  | { page: 'tasks' }
  | { page: 'calendar' }
  | { page: 'products' }
  | { page: 'orders' }
  | { page: 'quote'; id: string }
  | { page: 'order'; id: string }
  | { page: 'forecast' }
  | { page: 'companies' }
  | { page: 'company'; id: string }
  | { page: 'contacts' }
  | { page: 'contact'; id: string }
  | { page: 'merge'; entity: 'contact' | 'company'; a: string; b: string }
  | { page: 'trash' }
  | { page: 'import'; entity?: 'contact' | 'company' }
  | { page: 'sync' }
  | { page: 'settings' }
  | { page: 'users' }
  | { page: 'roles' }
  | { page: 'audit' }
  | { page: 'backups' };

export function parseRoute(hash: string): Route {
  const [section, a, b, c] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (section === 'leads') return a ? { page: 'lead', id: a } : { page: 'leads' };
  if (section === 'deals') return a ? { page: 'deal', id: a } : { page: 'deals' };
  if (section === 'quotes' && a) return { page: 'quote', id: a };
  if (section === 'orders') return a ? { page: 'order', id: a } : { page: 'orders' };
  const plain = ['tasks', 'calendar', 'products', 'forecast', 'companies', 'users', 'roles', 'audit', 'backups'] as const;
  const page = plain.find((p) => p === section);
  if (page && !a) return { page };
  if (section === 'companies' && a) return { page: 'company', id: a };
  if (section === 'contacts' && a) return { page: 'contact', id: a };
  if (section === 'contacts') return { page: 'contacts' };
  if (section === 'merge' && (a === 'contact' || a === 'company') && b && c) return { page: 'merge', entity: a, a: b, b: c };
  if (section === 'trash') return { page: 'trash' };
  if (section === 'import') return a === 'contact' || a === 'company' ? { page: 'import', entity: a } : { page: 'import' };
  if (section === 'sync') return { page: 'sync' };
  if (section === 'settings') return { page: 'settings' };
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'company':
      return `#/companies/${encodeURIComponent(route.id)}`;
    case 'contact':
      return `#/contacts/${encodeURIComponent(route.id)}`;
    case 'merge':
      return `#/merge/${route.entity}/${encodeURIComponent(route.a)}/${encodeURIComponent(route.b)}`;
    case 'import':
      return route.entity ? `#/import/${route.entity}` : '#/import';
    case 'lead':
      return `#/leads/${encodeURIComponent(route.id)}`;
    case 'deal':
      return `#/deals/${encodeURIComponent(route.id)}`;
    case 'quote':
      return `#/quotes/${encodeURIComponent(route.id)}`;
    case 'order':
      return `#/orders/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The detail route of a record of either kind. */
export const recordRoute = (type: 'contact' | 'company', id: string): Route =>
  type === 'contact' ? { page: 'contact', id } : { page: 'company', id };

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
