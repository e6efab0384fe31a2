// Test helper: customer rows written straight to SQLite plus refreshCustomerIndex, so the search
// tests do not depend on the customer handlers.
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids';
import type { Database } from '../../db/schema';
import { refreshCustomerIndex } from './indexer';
import { nameKey, namePinyin } from './names';

const ADDRESS = { province: null, city: null, district: null, address: null };
const COMMON = { notes: null, custom: '{}', last_contacted_at: null, ...ADDRESS };
const META = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', created_by: 'owner', owner_id: 'owner', deleted_at: null };

export interface TestContact {
  name: string;
  mobiles?: string[];
  emails?: string[];
  landline?: string | null;
  companyId?: string | null;
}

export async function addCompany(db: Kysely<Database>, name: string, extra: { phone?: string; website?: string } = {}): Promise<string> {
  const id = newId();
  const { py } = namePinyin(name);
  await db
    .insertInto('companies')
    .values({
      id,
      name,
      name_py: py,
      name_key: nameKey(name),
      phone: extra.phone ?? null,
      website: extra.website ?? null,
      industry: null,
      size: null,
      source: null,
      category: 'prospect',
      ...COMMON,
      ...META,
    })
    .execute();
  await refreshCustomerIndex(db, 'company', [id]);
  return id;
}

export async function addContact(db: Kysely<Database>, c: TestContact): Promise<string> {
  const id = newId();
  const { py, initials } = namePinyin(c.name);
  await db
    .insertInto('contacts')
    .values({
      id,
      name: c.name,
      name_py: py,
      name_initials: initials,
      name_key: nameKey(c.name),
      mobiles: JSON.stringify(c.mobiles ?? []),
      emails: JSON.stringify(c.emails ?? []),
      landline: c.landline ?? null,
      company_id: c.companyId ?? null,
      gender: 'unknown',
      title: null,
      wechat: null,
      qq: null,
      birthday: null,
      ...COMMON,
      ...META,
    })
    .execute();
  await refreshCustomerIndex(db, 'contact', [id]);
  return id;
}
