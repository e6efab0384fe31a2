// PLACEHOLDER — the search helper replaces this file.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ContactDuplicateQuery } from '../../../shared/contacts';
import type { DuplicateCandidate } from '../../../shared/customers';
import type { Database } from '../../db/schema';

/** Live contacts with the same mobile or email, or the same normalised name in the same company. */
export async function findContactDuplicates(
  _db: Kysely<Database>,
  _q: z.output<typeof ContactDuplicateQuery>,
): Promise<DuplicateCandidate[]> {
  return [];
}

/** Live companies with the same normalised name or the same phone. */
export async function findCompanyDuplicates(
  _db: Kysely<Database>,
  _q: { name: string; phone?: string | null; excludeId?: string | null },
): Promise<DuplicateCandidate[]> {
  return [];
}
