// Global search (Ctrl+K): contacts and companies together, through the n-gram FTS5 index.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/search';
import type { searchContract } from '../../../shared/search';
import type { HandlersOf } from '../../core/context';
import { visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { nameKey } from './names';
import { jsonList } from './rows';
import { matchQuery } from './tokens';

interface ContactRow {
  id: string;
  name: string;
  name_py: string;
  name_initials: string;
  title: string | null;
  mobiles: string;
  emails: string;
  company: string | null;
}

interface CompanyRow {
  id: string;
  name: string;
  name_py: string;
  name_initials?: undefined;
  city: string | null;
  industry: string | null;
  phone: string | null;
}

// FTS results come in rowid order (no bm25: ranking costs up to ~100 ms on queries with 50k hits,
// perf-limits.md §3.6). We take a wider candidate set than we show, add the contacts whose name,
// full pinyin or initials equal the query through their indexes (so 吴林 is never crowded out of
// "wulin" or "wl" by 吴林博), and order the candidates by closeness in JS.
const CANDIDATES = 200;

async function contactHits(db: Kysely<Database>, viewer: Viewer, match: string, q: string): Promise<ContactRow[]> {
  const visible = visibleTo(viewer, 'contacts', 'c');
  const select = sql`SELECT c.id, c.name, c.name_py, c.name_initials, c.title, c.mobiles, c.emails, co.name AS company`;
  const [fts, exact] = await Promise.all([
    sql<ContactRow>`${select}
      FROM contact_search s
      JOIN contacts c ON c.rid = s.rowid
      LEFT JOIN companies co ON co.id = c.company_id
      WHERE contact_search MATCH ${match} AND c.deleted_at IS NULL AND ${visible}
      LIMIT ${CANDIDATES}`.execute(db),
    sql<ContactRow>`${select}
      FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
      WHERE c.rid IN (${exactNameRids(q)}) AND ${visible}
      LIMIT 20`.execute(db),
  ]);
  return uniqueById([...exact.rows, ...fts.rows]);
}

/** One indexed seek per form; an OR of the three would make SQLite scan the table. */
function exactNameRids(q: string) {
  const live = sql`deleted_at IS NULL LIMIT 20`;
  return sql`SELECT rid FROM (SELECT rid FROM contacts WHERE name_key = ${nameKey(q)} AND ${live})
    UNION SELECT rid FROM (SELECT rid FROM contacts WHERE name_py = ${squash(q)} AND ${live})
    UNION SELECT rid FROM (SELECT rid FROM contacts WHERE name_initials = ${squash(q)} AND ${live})`;
}

const uniqueById = <T extends { id: string }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

async function companyHits(db: Kysely<Database>, viewer: Viewer, match: string): Promise<CompanyRow[]> {
  const { rows } = await sql<CompanyRow>`
    SELECT c.id, c.name, c.name_py, c.city, c.industry, c.phone
    FROM company_search s
    JOIN companies c ON c.rid = s.rowid
    WHERE company_search MATCH ${match} AND c.deleted_at IS NULL AND ${visibleTo(viewer, 'companies', 'c')}
    LIMIT ${CANDIDATES}`.execute(db);
  return rows;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, '');

/** The second line: the phone or email the query matched, else the first one, plus the company. */
function contactDetail(row: ContactRow, q: string): string | null {
  const key = squash(q);
  const mobiles = jsonList(row.mobiles);
  const emails = jsonList(row.emails);
  const matched = [...mobiles, ...emails].find((v) => key.length > 1 && squash(v).includes(key));
  const reach = matched ?? mobiles[0] ?? emails[0];
  const who = [row.company, row.title].filter(Boolean).join(' ');
  return [who, reach].filter(Boolean).join(' · ') || null;
}

function companyDetail(row: CompanyRow): string | null {
  return [row.city, row.industry, row.phone].filter(Boolean).join(' · ') || null;
}

/** Exact name (or its full pinyin or initials) first, then names starting with the query, then
 *  the rest, each group in index order. */
function byCloseness<T extends { name: string; name_py: string; name_initials?: string }>(rows: T[], q: string): T[] {
  const key = squash(q);
  const forms = (r: T) => [squash(r.name), r.name_py, r.name_initials ?? ''];
  const score = (r: T) => {
    const f = forms(r);
    if (f.includes(key)) return 0;
    return f.some((v) => v.startsWith(key)) ? 1 : 2;
  };
  return rows.map((row, i) => ({ row, i, s: score(row) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.row);
}

export const searchHandlers: HandlersOf<typeof searchContract> = {
  'search.global': async ({ q, limit }, ctx) => {
    const match = matchQuery(q);
    if (!match) return [];
    // A quarter of the slots at least go to companies when both kinds match.
    const [contacts, companies] = await Promise.all([
      contactHits(ctx.db, ctx.session, match, q),
      companyHits(ctx.db, ctx.session, match),
    ]);
    const companySlots = Math.min(companies.length, Math.max(Math.ceil(limit / 4), limit - contacts.length));
    const hits: SearchHit[] = [
      ...byCloseness(contacts, q)
        .slice(0, limit - companySlots)
        .map((r) => ({ type: 'contact' as const, id: r.id, name: r.name, detail: contactDetail(r, q) })),
      ...byCloseness(companies, q)
        .slice(0, companySlots)
        .map((r) => ({ type: 'company' as const, id: r.id, name: r.name, detail: companyDetail(r) })),
    ];
    return hits;
  },
};
