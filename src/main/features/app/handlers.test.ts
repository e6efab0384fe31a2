import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

describe('app', () => {
  it('reports version, folder, locale, first run, session and live counts', async () => {
    expect(await runtime().call('app.info', {})).toMatchObject({ firstRun: true, counts: { contacts: 0, companies: 0 } });
    await runtime().call('companies.create', { name: '腾达' });
    const gone = await runtime().call('contacts.create', { name: '甲' });
    await runtime().call('contacts.create', { name: '乙' });
    await runtime().call('contacts.delete', { ids: [gone.id] });
    expect(await runtime().call('app.info', {})).toMatchObject({
      version: runtime().app.version,
      dataDir: runtime().dataDir,
      locale: 'zh-CN',
      // Customers already there (e.g. from `kehu demo`): no first-run question over them.
      firstRun: false,
      session: { userId: 'owner' },
      counts: { contacts: 1, companies: 1 },
    });
  });

  it('remembers the locale and the first-run choice', async () => {
    await runtime().call('app.setLocale', { locale: 'en' });
    expect(await runtime().call('app.firstRun', { sample: false })).toEqual({ contacts: 0, companies: 0 });
    expect(await runtime().call('app.info', {})).toMatchObject({ locale: 'en', firstRun: false });
  });

  it('lists live users', async () => {
    expect(await runtime().call('users.list', {})).toEqual([{ id: 'owner', name: '店主' }]);
  });
});
