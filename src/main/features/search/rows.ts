// Pure functions from a customer's fields to its search row and duplicate keys. The indexer uses
// them through Kysely; bulk paths (demo seeder, import) use them with prepared statements.
import { indexTokens } from './tokens';
import { nameKey, namePinyin } from './names';

export interface ContactIndexFields {
  name: string;
  /** The name's pinyin when the caller already has it (bulk paths); made from `name` otherwise. */
  pinyin?: { py: string; initials: string };
  companyId: string | null;
  companyName: string | null;
  mobiles: string[];
  landline: string | null;
  emails: string[];
}

export interface CompanyIndexFields {
  name: string;
  phone: string | null;
  website: string | null;
}

/** Columns of contact_search (name, py, company, phone, email), as token strings. */
export interface ContactSearchRow {
  name: string;
  py: string;
  company: string;
  phone: string;
  email: string;
}

/** Columns of company_search (name, py, phone, web), as token strings. */
export interface CompanySearchRow {
  name: string;
  py: string;
  phone: string;
  web: string;
}

export interface CustomerKey {
  kind: 'mobile' | 'email' | 'name_company' | 'name' | 'phone';
  value: string;
}

/** Phones are found by any of their digits, whatever the stored punctuation (010-1234 5678). */
const digits = (phone: string) => phone.replace(/\D+/g, '');

function pinyinTokens(name: string, known?: { py: string; initials: string }): string {
  const { py, initials } = known ?? namePinyin(name);
  return indexTokens(`${py} ${initials}`);
}

export function contactSearchRow(c: ContactIndexFields): ContactSearchRow {
  const phones = [...c.mobiles, ...(c.landline ? [c.landline] : [])];
  return {
    name: indexTokens(c.name),
    py: pinyinTokens(c.name, c.pinyin),
    company: indexTokens(c.companyName),
    phone: indexTokens(phones.map(digits).join(' ')),
    email: indexTokens(c.emails.join(' ')),
  };
}

export function companySearchRow(c: CompanyIndexFields): CompanySearchRow {
  return {
    name: indexTokens(c.name),
    py: pinyinTokens(c.name),
    phone: indexTokens(c.phone ? digits(c.phone) : null),
    web: indexTokens(c.website),
  };
}

/** Same name within the same company is a duplicate; the same name alone is not. */
export const nameCompanyKey = (name: string, companyId: string) => `${nameKey(name)}|${companyId}`;

export function contactKeys(c: Pick<ContactIndexFields, 'name' | 'companyId' | 'mobiles' | 'emails'>): CustomerKey[] {
  const keys: CustomerKey[] = [
    ...c.mobiles.map((value) => ({ kind: 'mobile' as const, value })),
    ...c.emails.map((value) => ({ kind: 'email' as const, value: value.toLowerCase() })),
  ];
  if (c.companyId) keys.push({ kind: 'name_company', value: nameCompanyKey(c.name, c.companyId) });
  return dedupeKeys(keys);
}

export function companyKeys(c: Pick<CompanyIndexFields, 'name' | 'phone'>): CustomerKey[] {
  const keys: CustomerKey[] = [{ kind: 'name', value: nameKey(c.name) }];
  if (c.phone) keys.push({ kind: 'phone', value: c.phone });
  return dedupeKeys(keys);
}

function dedupeKeys(keys: CustomerKey[]): CustomerKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.kind}\n${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** mobiles/emails are stored as JSON arrays of strings. */
export function jsonList(text: string | null): string[] {
  if (!text) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
