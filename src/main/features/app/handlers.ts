// The application channels: info for the shell, the interface language, the first-run choice.
import { sql } from 'kysely';
import type { appContract } from '../../../shared/app';
import type { Ctx, HandlersOf } from '../../core/context';
import { seedSampleData } from '../demo';
import { updateKeyring } from '../../security/keyring';
import { readMeta, storedLocale, writeMeta } from '../../db/meta';

async function liveCounts(ctx: Ctx) {
  const { rows } = await sql<{ contacts: number; companies: number }>`
    SELECT (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) AS contacts,
           (SELECT count(*) FROM companies WHERE deleted_at IS NULL) AS companies`.execute(ctx.db);
  return rows[0];
}

export const appHandlers: HandlersOf<typeof appContract> = {
  'app.info': async (_input, ctx) => {
    const counts = await liveCounts(ctx);
    return {
      version: ctx.app.version,
      dataDir: ctx.app.dataDir,
      locale: (await storedLocale(ctx.db)) ?? 'zh-CN',
      // A database that already holds customers (e.g. filled by `kehu demo`) is past its first run.
      firstRun: (await readMeta(ctx.db, 'first_run_done')) === null && counts.contacts + counts.companies === 0,
      session: ctx.session,
      counts,
    };
  },

  'app.setLocale': async ({ locale }, ctx) => {
    await writeMeta(ctx.db, 'locale', locale);
    // The sign-in screen shows it too, before the database opens.
    updateKeyring(ctx.app.dataDir, (k) => {
      k.locale = locale;
    });
  },

  'app.firstRun': async ({ sample, contacts }, ctx) => {
    await writeMeta(ctx.db, 'first_run_done', ctx.now);
    return sample ? seedSampleData(ctx, { contacts }) : { contacts: 0, companies: 0 };
  },

  'users.list': (_input, ctx) =>
    ctx.db.selectFrom('users').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('name').execute(),
};
