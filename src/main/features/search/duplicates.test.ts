import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerSession } from '../../core/session';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';
import { findCompanyDuplicates, findContactDuplicates } from './duplicates';
import { refreshCustomerIndex } from './indexer';
import { addCompany, addContact } from './test-rows';

let rt: TempRuntime;
const ids: Record<string, string> = {};
const base = { name: null, mobiles: [], emails: [], companyId: null, excludeId: null };

beforeAll(async () => {
  rt = await tempRuntime();
  const db = rt.app.db.kysely;
  ids.acme = await addCompany(db, '华强电子有限公司', { phone: '010-62345678' });
  ids.zhang = await addContact(db, { name: '张伟', mobiles: ['13812345678'], emails: ['zw@163.com'], companyId: ids.acme });
  ids.gone = await addContact(db, { name: '李娜', mobiles: ['13900001111'] });
  await db.updateTable('contacts').set({ deleted_at: '2026-01-02T00:00:00.000Z' }).where('id', '=', ids.gone).execute();
  await refreshCustomerIndex(db, 'contact', [ids.gone]);
});
afterAll(() => rt.dispose());

describe('findContactDuplicates', () => {
  it('matches a mobile however it is written', async () => {
    const found = await findContactDuplicates(rt.app.db.kysely, ownerSession, { ...base, mobiles: ['+86 138-1234-5678'] });
    expect(found).toEqual([{ id: ids.zhang, name: '张伟', reason: 'mobile', detail: '13812345678' }]);
  });

  it('matches an email case-insensitively and the same name in the same company, one entry per record', async () => {
    const found = await findContactDuplicates(rt.app.db.kysely, ownerSession, {
      ...base,
      name: ' 张 伟',
      emails: ['ZW@163.com'],
      companyId: ids.acme,
    });
    expect(found).toEqual([{ id: ids.zhang, name: '张伟', reason: 'email', detail: 'zw@163.com' }]);
    const byName = await findContactDuplicates(rt.app.db.kysely, ownerSession, { ...base, name: '张伟', companyId: ids.acme });
    expect(byName).toEqual([{ id: ids.zhang, name: '张伟', reason: 'name_company', detail: '华强电子有限公司' }]);
  });

  it('ignores the same name without a company, the record itself, deleted records and junk', async () => {
    const db = rt.app.db.kysely;
    expect(await findContactDuplicates(db, ownerSession, { ...base, name: '张伟' })).toEqual([]);
    expect(await findContactDuplicates(db, ownerSession, { ...base, mobiles: ['13812345678'], excludeId: ids.zhang })).toEqual([]);
    expect(await findContactDuplicates(db, ownerSession, { ...base, mobiles: ['13900001111'] })).toEqual([]);
    expect(await findContactDuplicates(db, ownerSession, { ...base, mobiles: ['not a phone', ''], emails: ['x'] })).toEqual([]);
  });
});

describe('findCompanyDuplicates', () => {
  it('matches a normalised name or a phone', async () => {
    const db = rt.app.db.kysely;
    expect(await findCompanyDuplicates(db, ownerSession, { name: '华强电子 有限公司' })).toEqual([
      { id: ids.acme, name: '华强电子有限公司', reason: 'name', detail: '华强电子 有限公司' },
    ]);
    expect(await findCompanyDuplicates(db, ownerSession, { name: '别的公司', phone: '(010) 6234 5678' })).toEqual([
      { id: ids.acme, name: '华强电子有限公司', reason: 'phone', detail: '010-62345678' },
    ]);
    expect(await findCompanyDuplicates(db, ownerSession, { name: '华强电子有限公司', excludeId: ids.acme })).toEqual([]);
  });
});
