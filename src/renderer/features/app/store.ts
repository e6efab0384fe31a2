// The application's own state: who is signed in, the interface language, the people who can own
// records. Loaded once at start from app.info.
import { create } from 'zustand';
import type { AppInfo, Locale, UserSummary } from '../../../shared/app';
import { call } from '../../api';
import { applyLocale } from '../../components/i18n';

interface AppStore {
  info: AppInfo | null;
  locale: Locale;
  users: UserSummary[];
  load(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

export const useApp = create<AppStore>((set) => ({
  info: null,
  locale: 'zh-CN',
  users: [],
  async load() {
    const [info, users] = await Promise.all([call('app.info', {}), call('users.list', {})]);
    applyLocale(info.locale);
    set({ info, users, locale: info.locale });
  },
  async setLocale(locale) {
    applyLocale(locale);
    set({ locale });
    await call('app.setLocale', { locale });
  },
}));
