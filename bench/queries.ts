// Search queries a person would type, cut from the seeded rows (perf-limits.md §3 query classes).
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';
import { createRandom } from '../src/main/features/demo/random';

interface Sample {
  name: string;
  name_py: string;
  name_initials: string;
  mobiles: string;
  emails: string;
  company: string | null;
}

const HAN = /^\p{Script=Han}+$/u;

/** Per class, the queries (or none when the sample has no such value). */
type Maker = (s: Sample, r: ReturnType<typeof createRandom>) => string | null;

const firstMobile = (s: Sample) => (JSON.parse(s.mobiles) as string[])[0] ?? null;

export const CLASSES: Record<string, Maker> = {
  '2 Han chars': (s) => (HAN.test(s.name) && s.name.length >= 3 ? s.name.slice(-2) : null),
  '3-char name': (s) => (HAN.test(s.name) && s.name.length === 3 ? s.name : null),
  'company fragment': (s, r) => {
    if (!s.company) return null;
    const core = s.company.replace(/有限公司$/, '');
    const len = r.int(2, 4);
    const start = r.int(0, Math.max(0, core.length - len));
    return core.slice(start, start + len);
  },
  'last 4 digits': (s) => firstMobile(s)?.slice(-4) ?? null,
  '7 digits': (s) => firstMobile(s)?.slice(-7) ?? null,
  '11 digits': (s) => firstMobile(s),
  'email part': (s) => (JSON.parse(s.emails) as string[])[0]?.split('@')[0].slice(0, 6) ?? null,
  'English name': (s) => (/^[A-Za-z]+ /.test(s.name) ? s.name.split(' ')[0] : null),
  'full pinyin': (s) => (HAN.test(s.name) ? s.name_py : null),
  initials: (s) => (HAN.test(s.name) ? s.name_initials : null),
  '1 Han char': (s, r) => (HAN.test(s.name) ? s.name[r.int(0, s.name.length - 1)] : null),
};

/** `perClass` queries per class from random seeded contacts. */
export function makeQueries(sqlite: Sqlite, perClass: number, seed = 42): Record<string, string[]> {
  const r = createRandom(seed);
  const maxRid = sqlite.prepare('SELECT max(rid) FROM contacts').pluck().get() as number;
  const get = sqlite.prepare(`SELECT c.name, c.name_py, c.name_initials, c.mobiles, c.emails, co.name AS company
    FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.rid = ?`);
  const out: Record<string, string[]> = {};
  for (const [label, make] of Object.entries(CLASSES)) {
    const qs: string[] = [];
    for (let tries = 0; qs.length < perClass && tries < perClass * 200; tries++) {
      const s = get.get(r.int(1, maxRid)) as Sample | undefined;
      const q = s && make(s, r);
      if (q) qs.push(q);
    }
    out[label] = qs;
  }
  return out;
}
