// The application itself: who is signed in, the data folder, settings, sample data, users list.
import { z } from 'zod';
import { channel } from './contract-kit';
import type { SessionInfo } from './permissions';

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export interface AppInfo {
  version: string;
  dataDir: string;
  locale: Locale;
  /** True until the first-run choice (sample data or empty) has been made. */
  firstRun: boolean;
  session: SessionInfo;
  counts: { contacts: number; companies: number };
}

export interface UserSummary {
  id: string;
  name: string;
}

export const appContract = {
  'app.info': channel<AppInfo>()({ kind: 'query', permission: 'customers.read', input: z.object({}) }),
  'app.setLocale': channel<void>()({
    kind: 'mutation',
    permission: 'customers.read',
    input: z.object({ locale: Locale }),
    entity: 'setting',
  }),
  /** The first-run choice: fill the database with a realistic sample, or start empty. */
  'app.firstRun': channel<{ contacts: number; companies: number }>()({
    kind: 'mutation',
    permission: 'data.admin',
    input: z.object({ sample: z.boolean(), contacts: z.number().int().min(0).max(5000).default(300) }),
    entity: 'setting',
  }),
  'users.list': channel<UserSummary[]>()({ kind: 'query', permission: 'customers.read', input: z.object({}) }),
};
