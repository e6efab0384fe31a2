// Sample data for the first-run choice and `kehu demo`: a realistic Chinese small-business world
// (the first-run sample also gets its sales: products, leads, opportunities, an order, tasks).
// Small sets go through the ChangeSet (so change_log and audit are exactly as for a person's
// edits); large ones through seedBulk, which writes the same rows with prepared statements.
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { refreshCustomerIndex } from '../search';
import { generateWorld, makeTags, type SeedRow } from './generate';
import { createRandom } from './random';
import { seedSalesSample } from './sales';

export { seedBulk, type BulkResult } from './bulk';

/** The first-run sample is reproducible: the same seed gives the same people. */
const SAMPLE_SEED = 20261123;

type Insert = Parameters<Ctx['changes']['insert']>[1];

export async function seedSampleData(ctx: Ctx, opts: { contacts: number }): Promise<{ contacts: number; companies: number }> {
  const tags = makeTags();
  for (const tag of tags) await ctx.changes.insert('tags', tag);
  const companyIds: string[] = [];
  const companies: { id: string; name: string }[] = [];
  let firstContactId: string | null = null;
  const looseContactIds: string[] = [];
  const tagRecord = async (recordId: string, tagIds: string[]) => {
    for (const tagId of tagIds) await ctx.changes.insert('taggings', { id: newId(), tag_id: tagId, record_id: recordId });
  };
  const insertRow = (table: 'companies' | 'contacts' | 'activities', row: SeedRow) =>
    ctx.changes.insert(table, { id: row.id, ...row.columns } as Insert);
  let contacts = 0;
  for (const group of generateWorld(SAMPLE_SEED, opts.contacts, tags)) {
    if (group.company) {
      await insertRow('companies', group.company);
      await tagRecord(group.company.id, group.company.tagIds);
      companyIds.push(group.company.id);
      companies.push({ id: group.company.id, name: String(group.company.columns.name) });
    }
    for (const person of group.contacts) {
      await insertRow('contacts', person);
      await tagRecord(person.id, person.tagIds);
      for (const activity of person.activities) await insertRow('activities', activity);
      if (!group.company) looseContactIds.push(person.id);
      firstContactId ??= person.id;
      contacts += 1;
    }
  }
  // Refreshing a company also indexes its contacts.
  await refreshCustomerIndex(ctx.db, 'company', companyIds);
  await refreshCustomerIndex(ctx.db, 'contact', looseContactIds);
  await seedSalesSample(ctx, createRandom(SAMPLE_SEED + 1), { companies, contactId: firstContactId });
  return { contacts, companies: companyIds.length };
}
