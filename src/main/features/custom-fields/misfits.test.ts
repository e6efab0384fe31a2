// A changed definition that stored values no longer fit: refused (nothing written) unless
// clearMisfits, which takes those values off the records as ordinary edits.
import { describe, expect, it } from 'vitest';
import type { CustomField, CustomValues } from '../../../shared/custom-fields';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

const sqlite = () => runtime().app.db.sqlite;
const count = (query: string, ...args: unknown[]) => sqlite().prepare(query).pluck().get(...args) as number;
/** The stored custom object, read from the row (the Trash's records too). */
const storedCustom = (table: string, id: string): CustomValues => JSON.parse(sqlite().prepare(`SELECT custom FROM ${table} WHERE id = ?`).pluck().get(id) as string);
const logCount = () => count('SELECT count(*) FROM change_log');
const auditCount = () => count('SELECT count(*) FROM audit_log');

const save = (field: CustomField, change: Partial<CustomField> & { clearMisfits?: boolean }) => runtime().call('customFields.save', { ...field, ...change });
const field = (entity: CustomField['entity'], type: CustomField['type'], options: string[] = []) =>
  runtime().call('customFields.save', { entity, label: '口味', type, options });
const contact = (custom: CustomValues) => runtime().call('contacts.create', { name: '王', custom });
const company = (custom: CustomValues) => runtime().call('companies.create', { name: `腾达${Math.random()}`, custom });

describe('a changed custom field that stored values no longer fit', () => {
  it('refuses removing a select option that contacts hold, writing nothing', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡', '水']);
    const tea = await contact({ [f.id]: '茶' });
    await contact({ [f.id]: '茶' });
    await contact({ [f.id]: '咖啡' });
    const [logs, audits] = [logCount(), auditCount()];
    await expect(save(f, { options: ['咖啡'] })).rejects.toMatchObject({
      code: 'conflict',
      message: 'customFields.values_misfit',
      params: { count: 2, trashed: 0, options: '茶' },
      detail: { count: 2, trashed: 0, options: ['茶'] },
    });
    expect((await runtime().call('customFields.list', { entity: 'contact' }))[0].options).toEqual(['茶', '咖啡', '水']);
    expect(storedCustom('contacts', tea.id)).toEqual({ [f.id]: '茶' });
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
  });

  it('with clearMisfits saves and clears the removed option from the contacts holding it, through the change log and audit', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡']);
    const tea = await contact({ [f.id]: '茶' });
    const coffee = await contact({ [f.id]: '咖啡' });
    const coffeeLogs = count('SELECT count(*) FROM change_log WHERE row_id = ?', coffee.id);
    const saved = await save(f, { options: ['咖啡'], clearMisfits: true });
    expect(saved.options).toEqual(['咖啡']);
    expect(storedCustom('contacts', tea.id)).toEqual({});
    expect(storedCustom('contacts', coffee.id)).toEqual({ [f.id]: '咖啡' });
    expect(count('SELECT count(*) FROM change_log WHERE row_id = ?', coffee.id)).toBe(coffeeLogs);
    const logged = sqlite().prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq DESC').pluck().get(tea.id) as string;
    expect(JSON.parse(logged)).toMatchObject({ custom: '{}' });
    expect(count(`SELECT count(*) FROM field_clock WHERE tbl = 'contacts' AND row_id = ? AND col = 'custom'`, tea.id)).toBe(1);
    const audit = sqlite().prepare(`SELECT entity_ids, before, input FROM audit_log WHERE action = 'customFields.save' ORDER BY seq DESC`).get() as Record<string, string>;
    expect(JSON.parse(audit.entity_ids)).toEqual(expect.arrayContaining([f.id, tea.id]));
    expect(JSON.parse(audit.entity_ids)).not.toContain(coffee.id);
    expect(JSON.parse(audit.before)[`contacts:${tea.id}`]).toMatchObject({ custom: JSON.stringify({ [f.id]: '茶' }) });
    expect(JSON.parse(audit.input)).toMatchObject({ clearMisfits: true, misfitsCleared: 1 });
  });

  it('drops only the removed options from a company multiselect and counts the Trash', async () => {
    const f = await field('company', 'multiselect', ['A', 'B', 'C']);
    const ab = await company({ [f.id]: ['A', 'B'] });
    const b = await company({ [f.id]: ['B'] });
    const a = await company({ [f.id]: ['A', 'C'] });
    const trashed = await company({ [f.id]: ['B', 'C'] });
    await runtime().call('companies.delete', { ids: [trashed.id] });
    await expect(save(f, { options: ['A', 'C'] })).rejects.toMatchObject({ detail: { count: 3, trashed: 1, options: ['B'] } });
    await save(f, { options: ['A', 'C'], clearMisfits: true });
    expect(storedCustom('companies', ab.id)).toEqual({ [f.id]: ['A'] });
    expect(storedCustom('companies', b.id)).toEqual({});
    expect(storedCustom('companies', a.id)).toEqual({ [f.id]: ['A', 'C'] });
    expect(storedCustom('companies', trashed.id)).toEqual({ [f.id]: ['C'] });
  });

  it('refuses a type change text → number over stored words, and clears them when told (contacts and companies)', async () => {
    for (const [entity, create, table] of [['contact', contact, 'contacts'], ['company', company, 'companies']] as const) {
      const f = await field(entity, 'text');
      const word = await create({ [f.id]: '很多' });
      await expect(save(f, { type: 'number' })).rejects.toMatchObject({ message: 'customFields.values_misfit', params: { count: 1 }, detail: { options: [] } });
      expect(storedCustom(table, word.id)).toEqual({ [f.id]: '很多' });
      await save(f, { type: 'number', clearMisfits: true });
      expect(storedCustom(table, word.id)).toEqual({});
    }
  });

  it('saves without asking when no stored value stops fitting', async () => {
    const choice = await field('contact', 'select', ['茶', '咖啡', '水']);
    const tea = await contact({ [choice.id]: '茶' });
    const added = await save(choice, { options: ['茶', '咖啡', '水', '果汁'] });
    const unusedRemoved = await save(added, { options: ['茶', '果汁'] });
    const relabelled = await save(unusedRemoved, { label: '饮品', position: 3 });
    await save(relabelled, { type: 'text' });
    expect(storedCustom('contacts', tea.id)).toEqual({ [choice.id]: '茶' });
    const empty = await field('company', 'text');
    await save(empty, { type: 'date' });
    const dates = await field('company', 'text');
    await company({ [dates.id]: '2024-05-01' });
    await save(dates, { type: 'date' });
  });
});
