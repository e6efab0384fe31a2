// Global search (Ctrl+K): contacts and companies together, through the n-gram FTS5 index.
import { sql, type Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/search';
import type { searchContract } from '../../../shared/search';
import type { HandlersOf } from '../../core/context';
import type { Database } from '../../db/schema';
import { jsonList } from './rows';
import { matchQuery } from './tokens';

interface ContactRow {
  id: string;
  name: string;
  title: string | null;
  mobiles: string;
  emails: string;
  company: string | null;
}

interface CompanyRow {
  id: string;
  name: string;
  city: string | null;
  industry: string | null;
  phone: string | null;
}

// Results come in rowid order (no bm25): ranking costs up to ~100 ms on queries with 50k hits
// (perf-limits.md §3.6), and the list is short enough to order by closeness in JS.
async function contactHits(db: Kysely<Database>, match: string, limit: number): Promise<ContactRow[]> {
  const { rows } = await sql<ContactRow>`
    SELECT c.id, c.name, c.title, c.mobiles, c.emails, co.name AS company
    FROM contact_search s
    JOIN contacts c ON c.rid = s.rowid
    LEFT JOIN companies co ON co.id = c.company_id
    WHERE contact_search MATCH ${match} AND c.deleted_at IS NULL
    LIMIT ${limit}`.execute(db);
  return rows;
}

async function companyHits(db: Kysely<Database>, match: string, limit: number): Promise<CompanyRow[]> {
  const { rows } = await sql<CompanyRow>`
    SELECT c.id, c.name, c.city, c.industry, c.phone
    FROM company_search s
    JOIN companies c ON c.rid = s.rowid
    WHERE company_search MATCH ${match} AND c.deleted_at IS NULL
    LIMIT ${limit}`.execute(db);
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

/** Exact name first, then names that start with the query, then the rest (stable). */
function byCloseness<T extends { name: string }>(rows: T[], q: string): T[] {
  const key = squash(q);
  const score = (name: string) => (squash(name) === key ? 0 : squash(name).startsWith(key) ? 1 : 2);
  return rows.map((row, i) => ({ row, i, s: score(row.name) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.row);
}

export const searchHandlers: HandlersOf<typeof searchContract> = {
  'search.global': async ({ q, limit }, ctx) => {
    const match = matchQuery(q);
    if (!match) return [];
    // A quarter of the slots at least go to companies when both kinds match.
    const [contacts, companies] = await Promise.all([
      contactHits(ctx.db, match, limit),
      companyHits(ctx.db, match, limit),
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
