// The application's own state: who is signed in, the interface language, the people who can own
// records. Loaded from app.info once signed in (features/auth/store.ts decides when).
import { create } from 'zustand';
import type { AppInfo, Locale, UserSummary } from '../../../shared/app';
import { call } from '../../api';
import { applyLocale } from '../../components/i18n';

interface AppStore {
  info: AppInfo | null;
  locale: Locale;
  users: UserSummary[];
  /** Chosen before sign-in (the sign-in screen's switch): saved once someone is signed in. */
  pickedLocale: Locale | null;
  load(): Promise<void>;
  /** Re-reads the people who can own records (after users were added, renamed or disabled). */
  refreshUsers(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  /** Shows the interface in `locale` without saving it (before sign-in). */
  showLocale(locale: Locale): void;
  /** Forgets what app.info said (signed out or locked). */
  clear(): void;
}

export const useApp = create<AppStore>((set, get) => ({
  info: null,
  locale: 'zh-CN',
  users: [],
  pickedLocale: null,
  async load() {
    const [info, users] = await Promise.all([call('app.info', {}), call('users.list', {})]);
    const picked = get().pickedLocale;
    set({ info, users, pickedLocale: null });
    if (picked && picked !== info.locale) return get().setLocale(picked);
    get().showLocale(info.locale);
  },
  async refreshUsers() {
    set({ users: await call('users.list', {}) });
  },
  async setLocale(locale) {
    get().showLocale(locale);
    // Before sign-in nothing can be saved yet: load() saves it.
    if (!get().info) return set({ pickedLocale: locale });
    await call('app.setLocale', { locale });
  },
  showLocale(locale) {
    applyLocale(locale);
    set({ locale });
  },
  clear() {
    set({ info: null, users: [] });
  },
}));
