// Recall and precision against the truth: for random substrings of stored values, the n-gram
// index must find exactly the contacts that LIKE '%q%' over the same fields finds.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';
import { addCompany, addContact } from './test-rows';
import { matchQuery } from './tokens';

let rt: TempRuntime;

/** mulberry32: a fixed seed keeps a failure reproducible. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

// Few characters, so that substrings collide across rows and fields.
const SURNAMES = ['张', '王', '李', '欧阳', '曾', '单', '区', '陈', '伟'];
const GIVEN = '伟娜芳强明志华丽军';
const LATIN = ['Kevin', 'Amy', 'Wei', 'Zhang', 'Ana', 'Ming'];
const COMPANIES = ['华强电子', '伟明科技', '张氏贸易', 'Ming Trading', '明华实业'];

function randomName(): string {
  const r = rand();
  const han = pick(SURNAMES) + Array.from({ length: int(1, 2) }, () => pick([...GIVEN])).join('');
  if (r < 0.1) return `${pick(LATIN)} ${han.slice(0, 1)}`;
  if (r < 0.2) return `${pick(LATIN)} ${pick(LATIN)}`;
  return han;
}
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');

interface Row {
  name: string;
  company: string | null;
  mobiles: string[];
  emails: string[];
}
const rows: Row[] = [];

beforeAll(async () => {
  rt = await tempRuntime();
  const db = rt.app.db.kysely;
  const companyIds = new Map<string, string>();
  for (const c of COMPANIES) companyIds.set(c, await addCompany(db, `${c}有限公司`));
  for (let i = 0; i < 300; i++) {
    const company = rand() < 0.5 ? pick(COMPANIES) : null;
    const row: Row = {
      name: randomName(),
      company: company && `${company}有限公司`,
      mobiles: rand() < 0.9 ? [`1${int(3, 9)}${digits(9)}`] : [],
      emails: rand() < 0.6 ? [`${pick(LATIN).toLowerCase()}.${digits(3)}@${pick(['qq', '163', 'ming'])}.com`] : [],
    };
    rows.push(row);
    await addContact(db, { ...row, companyId: company && companyIds.get(company)! });
  }
});
afterAll(() => rt.dispose());

async function viaIndex(q: string): Promise<string[]> {
  const match = matchQuery(q);
  if (!match) return [];
  const { rows: found } = await sql<{ id: string }>`
    SELECT c.id FROM contact_search s JOIN contacts c ON c.rid = s.rowid
    WHERE contact_search MATCH ${match} AND c.deleted_at IS NULL`.execute(rt.app.db.kysely);
  return found.map((r) => r.id).sort();
}

async function viaLike(q: string): Promise<string[]> {
  const like = `%${q}%`;
  const { rows: found } = await sql<{ id: string }>`
    SELECT c.id FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.deleted_at IS NULL AND (c.name LIKE ${like} OR co.name LIKE ${like} OR c.mobiles LIKE ${like}
      OR c.emails LIKE ${like} OR c.name_py LIKE ${like} OR c.name_initials LIKE ${like})`.execute(rt.app.db.kysely);
  return found.map((r) => r.id).sort();
}

/** A random substring inside one run of a stored value: Han 1+ characters, other 2+. */
function sampleQuery(): string {
  const row = pick(rows);
  const values = [row.name, row.company ?? row.name, ...row.mobiles, ...row.emails];
  const runs = pick(values).match(/\p{Script=Han}+|[a-zA-Z0-9]{2,}/gu) ?? [row.name];
  const run = [...pick(runs)];
  const min = /\p{Script=Han}/u.test(run[0]) ? 1 : 2;
  const len = int(min, Math.max(min, Math.min(run.length, 6)));
  const start = int(0, run.length - len);
  return run.slice(start, start + len).join('');
}

describe('n-gram search equals LIKE', () => {
  it('for 400 random single-run substrings of names, companies, phones and emails', async () => {
    for (let i = 0; i < 400; i++) {
      const q = sampleQuery();
      expect(await viaIndex(q), q).toEqual(await viaLike(q));
    }
  });

  it('for pinyin and initials of stored names', async () => {
    for (const row of rows.slice(0, 100)) {
      const { name_py: py, name_initials: ini } = await rt.app.db.kysely
        .selectFrom('contacts').select(['name_py', 'name_initials']).where('name', '=', row.name).executeTakeFirstOrThrow();
      for (const q of [py, py.slice(0, 4), py.slice(2), ini]) {
        if (q.length >= 2) expect(await viaIndex(q), q).toEqual(await viaLike(q));
      }
    }
  });

  it('finds everything LIKE finds for substrings that span runs (a superset there)', async () => {
    for (const row of rows.slice(0, 150)) {
      for (const value of [row.name, ...row.emails]) {
        const start = int(0, Math.max(0, value.length - 4));
        const q = value.slice(start, start + int(3, 8));
        if (!matchQuery(q)) continue;
        const found = new Set(await viaIndex(q));
        for (const id of await viaLike(q)) expect(found.has(id), q).toBe(true);
      }
    }
  });
});
