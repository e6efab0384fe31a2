// Duplicate warnings before a save: the customer_keys table holds each live record's normalised
// mobiles, emails and names, so a check is a few index lookups, never a scan.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ContactDuplicateQuery } from '../../../shared/contacts';
import type { DuplicateCandidate } from '../../../shared/customers';
import { normalizeEmail, normalizeMobile, normalizePhone } from '../../../shared/validation';
import { visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { nameKey } from './names';
import { nameCompanyKey, type CustomerKey } from './rows';

const MAX_CANDIDATES = 20;

type Kind = CustomerKey['kind'];
interface Probe {
  kind: Kind;
  value: string;
  /** What the warning shows: the number, the address, the company. */
  detail: string;
}

const nonEmpty = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined && v !== '';

/**
 * Live contacts the viewer can see with the same mobile or email, or the same normalised name in
 * the same company (a warning never names a record the viewer may not see).
 */
export async function findContactDuplicates(
  db: Kysely<Database>,
  viewer: Viewer,
  q: z.output<typeof ContactDuplicateQuery>,
): Promise<DuplicateCandidate[]> {
  const probes: Probe[] = [
    ...q.mobiles.map(normalizeMobile).filter(nonEmpty).map((value) => ({ kind: 'mobile' as const, value, detail: value })),
    ...q.emails.map(normalizeEmail).filter(nonEmpty).map((value) => ({ kind: 'email' as const, value, detail: value })),
  ];
  if (q.name && nameKey(q.name) && q.companyId) {
    const company = await db.selectFrom('companies').select('name').where('id', '=', q.companyId).executeTakeFirst();
    probes.push({ kind: 'name_company', value: nameCompanyKey(q.name, q.companyId), detail: company?.name ?? '' });
  }
  return lookup(db, viewer, 'contacts', probes, q.excludeId ?? null);
}

/** Live companies the viewer can see with the same normalised name or the same phone. */
export async function findCompanyDuplicates(
  db: Kysely<Database>,
  viewer: Viewer,
  q: { name: string; phone?: string | null; excludeId?: string | null },
): Promise<DuplicateCandidate[]> {
  const probes: Probe[] = [];
  const key = nameKey(q.name);
  if (key) probes.push({ kind: 'name', value: key, detail: q.name.trim() });
  const phone = q.phone ? normalizePhone(q.phone) : null;
  if (phone) probes.push({ kind: 'phone', value: phone, detail: phone });
  return lookup(db, viewer, 'companies', probes, q.excludeId ?? null);
}

async function lookup(
  db: Kysely<Database>,
  viewer: Viewer,
  table: 'contacts' | 'companies',
  probes: Probe[],
  excludeId: string | null,
): Promise<DuplicateCandidate[]> {
  const found = new Map<string, DuplicateCandidate>();
  // Probes in order of strength (mobile, email, name): a record keeps its strongest reason.
  for (const probe of probes) {
    const { rows } = await sql<{ id: string; name: string }>`
      SELECT r.id, r.name FROM customer_keys k JOIN ${sql.table(table)} r ON r.id = k.record_id
      WHERE k.kind = ${probe.kind} AND k.value = ${probe.value} AND r.deleted_at IS NULL
        AND r.id IS NOT ${excludeId} AND ${visibleTo(viewer, table, 'r')}
      LIMIT ${MAX_CANDIDATES}`.execute(db);
    for (const row of rows) {
      if (!found.has(row.id)) found.set(row.id, { id: row.id, name: row.name, reason: probe.kind, detail: probe.detail });
    }
    if (found.size >= MAX_CANDIDATES) break;
  }
  return [...found.values()].slice(0, MAX_CANDIDATES);
}
