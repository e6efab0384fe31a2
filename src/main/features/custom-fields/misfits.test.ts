// A changed definition that stored values no longer fit: values a lossless conversion makes fit
// are converted without asking; the rest is refused (nothing written) unless clearMisfits, which
// takes those values off the records as ordinary edits. An existing field keeps its entity.
import { describe, expect, it } from 'vitest';
import type { CustomField, CustomValues, OptionRename } from '../../../shared/custom-fields';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

const sqlite = () => runtime().app.db.sqlite;
const count = (query: string, ...args: unknown[]) => sqlite().prepare(query).pluck().get(...args) as number;
/** The stored custom object, read from the row (the Trash's records too). */
const storedCustom = (table: string, id: string): CustomValues => JSON.parse(sqlite().prepare(`SELECT custom FROM ${table} WHERE id = ?`).pluck().get(id) as string);
const logCount = () => count('SELECT count(*) FROM change_log');
const auditCount = () => count('SELECT count(*) FROM audit_log');

const save = (field: CustomField, change: Partial<CustomField> & { clearMisfits?: boolean; renames?: OptionRename[] }) => runtime().call('customFields.save', { ...field, ...change });
const field = (entity: CustomField['entity'], type: CustomField['type'], options: string[] = []) =>
  runtime().call('customFields.save', { entity, label: '口味', type, options });
const contact = (custom: CustomValues) => runtime().call('contacts.create', { name: '王', custom });
/** The custom object the record's last change_log row wrote (undefined when none did). */
const loggedCustom = (id: string): CustomValues | undefined => {
  const fields = sqlite().prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq DESC').pluck().get(id) as string | undefined;
  const custom = fields ? (JSON.parse(fields) as { custom?: string }).custom : undefined;
  return custom === undefined ? undefined : (JSON.parse(custom) as CustomValues);
};
const rowLogs = (id: string) => count('SELECT count(*) FROM change_log WHERE row_id = ?', id);
/** The facts the last customFields.save noted on its audit row beside its input. */
const lastSaveAudit = () =>
  JSON.parse(sqlite().prepare(`SELECT input FROM audit_log WHERE action = 'customFields.save' ORDER BY seq DESC`).pluck().get() as string) as Record<string, unknown>;
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

  it('saves without asking when no stored value stops fitting (a select or a date read as text fits as it is)', async () => {
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

describe('a changed custom field converts stored values where nothing is lost, without asking', () => {
  /** A contact holding `stored` under a field of `from`; the field changed by `change` (no clearMisfits). */
  async function changed(from: Pick<CustomField, 'type' | 'options'>, stored: CustomValues[string], change: Partial<CustomField>) {
    const f = await field('contact', from.type, from.options);
    const c = await contact({ [f.id]: stored });
    const logs = rowLogs(c.id);
    await save(f, change);
    return { value: storedCustom('contacts', c.id)[f.id], logged: loggedCustom(c.id)?.[f.id], written: rowLogs(c.id) - logs };
  }

  /** A contact holding `stored` under a field of `from`, the change refused as a misfit: what it holds after (nothing written). */
  async function refused(from: Pick<CustomField, 'type' | 'options'>, stored: CustomValues[string], change: Partial<CustomField>) {
    const f = await field('contact', from.type, from.options);
    const c = await contact({ [f.id]: stored });
    const [logs, audits] = [logCount(), auditCount()];
    await expect(save(f, change)).rejects.toMatchObject({ message: 'customFields.values_misfit', params: { count: 1 } });
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
    return storedCustom('contacts', c.id)[f.id];
  }

  it('number → text stores the number as its text, through the change log', async () => {
    expect(await changed({ type: 'number', options: [] }, 12.5, { type: 'text' })).toEqual({ value: '12.5', logged: '12.5', written: 1 });
    expect(lastSaveAudit()).toMatchObject({ valuesConverted: 1 });
    expect(lastSaveAudit()).not.toHaveProperty('misfitsCleared');
  });

  it('multiselect → text joins the options as our export does', async () => {
    expect(await changed({ type: 'multiselect', options: ['A', 'B'] }, ['A', 'B'], { type: 'text', options: [] })).toEqual({ value: 'A;B', logged: 'A;B', written: 1 });
  });

  it('select → multiselect makes the option a list of one', async () => {
    expect(await changed({ type: 'select', options: ['A', 'B'] }, 'A', { type: 'multiselect' })).toEqual({ value: ['A'], logged: ['A'], written: 1 });
  });

  it('multiselect → select keeps a list of one as that option', async () => {
    expect(await changed({ type: 'multiselect', options: ['A', 'B'] }, ['B'], { type: 'select' })).toEqual({ value: 'B', logged: 'B', written: 1 });
  });

  it('text → number reads a number as the import reads one (plain, grouped, full-width)', async () => {
    expect(await changed({ type: 'text', options: [] }, '12', { type: 'number' })).toEqual({ value: 12, logged: 12, written: 1 });
    expect(await changed({ type: 'text', options: [] }, '1,200.5', { type: 'number' })).toEqual({ value: 1200.5, logged: 1200.5, written: 1 });
    expect(await changed({ type: 'text', options: [] }, '１２', { type: 'number' })).toEqual({ value: 12, logged: 12, written: 1 });
  });

  it('text → select takes the option a text names, however its case or width', async () => {
    expect(await changed({ type: 'text', options: [] }, 'vip', { type: 'select', options: ['VIP', '普通'] })).toEqual({ value: 'VIP', logged: 'VIP', written: 1 });
    expect(await changed({ type: 'text', options: [] }, 'ＶＩＰ', { type: 'select', options: ['VIP', '普通'] })).toEqual({ value: 'VIP', logged: 'VIP', written: 1 });
  });

  it('text → date reads a day as the import reads a date cell (slashes, 年月日, dots, 8 digits)', async () => {
    const text: Pick<CustomField, 'type' | 'options'> = { type: 'text', options: [] };
    expect(await changed(text, '1990/1/2', { type: 'date' })).toEqual({ value: '1990-01-02', logged: '1990-01-02', written: 1 });
    expect(await changed(text, '1990年3月4日', { type: 'date' })).toEqual({ value: '1990-03-04', logged: '1990-03-04', written: 1 });
    expect(await changed(text, '1990.03.04', { type: 'date' })).toEqual({ value: '1990-03-04', logged: '1990-03-04', written: 1 });
    expect(await changed(text, '19900304', { type: 'date' })).toEqual({ value: '1990-03-04', logged: '1990-03-04', written: 1 });
    expect(lastSaveAudit()).toMatchObject({ valuesConverted: 1 });
  });

  it('text → date keeps as a misfit what is no day: no such day, a time or words after it, an Excel serial, a number', async () => {
    const text: Pick<CustomField, 'type' | 'options'> = { type: 'text', options: [] };
    for (const stored of ['1990/2/30', '2024-05-01 10:30', '2024-05-01 回电', '2024-05-01 1030', '32874', '下周三']) {
      expect(await refused(text, stored, { type: 'date' })).toBe(stored);
    }
    expect(await refused({ type: 'number', options: [] }, 19900304, { type: 'date' })).toBe(19900304);
  });

  it('text → multiselect splits a text as the import splits a multi-select cell, each part by the option it names', async () => {
    const text: Pick<CustomField, 'type' | 'options'> = { type: 'text', options: [] };
    const multi = (options: string[]) => ({ type: 'multiselect' as const, options });
    expect(await changed(text, 'VIP;老客户', multi(['VIP', '老客户', '新客户']))).toEqual({ value: ['VIP', '老客户'], logged: ['VIP', '老客户'], written: 1 });
    expect(await changed(text, 'vip、 老客户 , ＶＩＰ', multi(['VIP', '老客户']))).toEqual({ value: ['VIP', '老客户'], logged: ['VIP', '老客户'], written: 1 });
    expect(await changed(text, '茶;酒;球', multi(['茶;酒', '球']))).toEqual({ value: ['茶;酒', '球'], logged: ['茶;酒', '球'], written: 1 });
    expect(await changed(text, 'VIP', multi(['VIP']))).toEqual({ value: ['VIP'], logged: ['VIP'], written: 1 });
  });

  it('text → multiselect keeps a text as a misfit when a part of it names no option', async () => {
    const text: Pick<CustomField, 'type' | 'options'> = { type: 'text', options: [] };
    expect(await refused(text, 'VIP;老朋友', { type: 'multiselect', options: ['VIP', '老客户'] })).toBe('VIP;老朋友');
  });

  it('number → select or multiselect takes the option a number names', async () => {
    const number: Pick<CustomField, 'type' | 'options'> = { type: 'number', options: [] };
    expect(await changed(number, 12, { type: 'select', options: ['12', '24'] })).toEqual({ value: '12', logged: '12', written: 1 });
    expect(await changed(number, 1.5, { type: 'multiselect', options: ['1.5', '3'] })).toEqual({ value: ['1.5'], logged: ['1.5'], written: 1 });
  });

  it('number → select keeps a number that names no option as a misfit', async () => {
    expect(await refused({ type: 'number', options: [] }, 7, { type: 'select', options: ['12', '24'] })).toBe(7);
  });

  it('select → number reads an option that is a number; a list of one becomes its number or its day', async () => {
    expect(await changed({ type: 'select', options: ['12', '24'] }, '12', { type: 'number', options: [] })).toEqual({ value: 12, logged: 12, written: 1 });
    expect(await changed({ type: 'multiselect', options: ['1,200', '5'] }, ['1,200'], { type: 'number', options: [] })).toEqual({ value: 1200, logged: 1200, written: 1 });
    expect(await changed({ type: 'multiselect', options: ['2024/5/1'] }, ['2024/5/1'], { type: 'date', options: [] })).toEqual({ value: '2024-05-01', logged: '2024-05-01', written: 1 });
  });

  it('date → select or multiselect takes the option the day names', async () => {
    const date: Pick<CustomField, 'type' | 'options'> = { type: 'date', options: [] };
    expect(await changed(date, '2024-05-01', { type: 'select', options: ['2024-05-01', '2024-06-01'] })).toEqual({ value: '2024-05-01', logged: '2024-05-01', written: 0 });
    expect(await changed(date, '2024-05-01', { type: 'multiselect', options: ['2024-05-01'] })).toEqual({ value: ['2024-05-01'], logged: ['2024-05-01'], written: 1 });
  });

  it('a blank text (a text input cleared) becomes no value under any other type, as an edit', async () => {
    for (const type of ['number', 'date', 'select', 'multiselect'] as const) {
      expect(await changed({ type: 'text', options: [] }, '', { type, options: ['A'] })).toEqual({ value: undefined, logged: undefined, written: 1 });
      expect(lastSaveAudit()).toMatchObject({ valuesConverted: 1 });
    }
  });

  it('keeps as misfits what has no lossless conversion: a day under number, two options under select, an option that is no day under date', async () => {
    expect(await refused({ type: 'date', options: [] }, '2026-01-02', { type: 'number' })).toBe('2026-01-02');
    expect(await refused({ type: 'multiselect', options: ['A', 'B'] }, ['A', 'B'], { type: 'select' })).toEqual(['A', 'B']);
    expect(await refused({ type: 'select', options: ['下周', '2024-05-01'] }, '下周', { type: 'date', options: [] })).toBe('下周');
  });

  it('an option renamed by its case only carries the values over (select and multiselect)', async () => {
    expect(await changed({ type: 'select', options: ['vip', 'b'] }, 'vip', { options: ['VIP', 'b'] })).toEqual({ value: 'VIP', logged: 'VIP', written: 1 });
    expect(await changed({ type: 'multiselect', options: ['vip', 'b'] }, ['vip', 'b'], { options: ['VIP', 'b'] })).toEqual({ value: ['VIP', 'b'], logged: ['VIP', 'b'], written: 1 });
  });

  it('a value that fits as it is stays unwritten: date → text, select → text, text → date', async () => {
    expect(await changed({ type: 'date', options: [] }, '2026-01-02', { type: 'text' })).toEqual({ value: '2026-01-02', logged: '2026-01-02', written: 0 });
    expect(await changed({ type: 'select', options: ['A'] }, 'A', { type: 'text', options: [] })).toEqual({ value: 'A', logged: 'A', written: 0 });
    expect(await changed({ type: 'text', options: [] }, '2026-01-02', { type: 'date' })).toEqual({ value: '2026-01-02', logged: '2026-01-02', written: 0 });
    expect(lastSaveAudit()).not.toHaveProperty('valuesConverted');
  });

  it('counts only what does not convert; refused, it writes nothing, not even the conversions', async () => {
    const f = await field('company', 'text');
    const twelve = await company({ [f.id]: '12' });
    const grouped = await company({ [f.id]: '1,200' });
    const word = await company({ [f.id]: '很多' });
    const comma = await company({ [f.id]: '1,5' });
    await runtime().call('companies.delete', { ids: [comma.id] });
    const [logs, audits] = [logCount(), auditCount()];
    await expect(save(f, { type: 'number' })).rejects.toMatchObject({ message: 'customFields.values_misfit', params: { count: 2, trashed: 1 }, detail: { count: 2, trashed: 1, options: [] } });
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
    expect(storedCustom('companies', twelve.id)).toEqual({ [f.id]: '12' });

    await save(f, { type: 'number', clearMisfits: true });
    expect([twelve, grouped, word, comma].map((c) => storedCustom('companies', c.id)[f.id])).toEqual([12, 1200, undefined, undefined]);
    expect([twelve, grouped, word, comma].map((c) => loggedCustom(c.id))).toEqual([{ [f.id]: 12 }, { [f.id]: 1200 }, {}, {}]);
    expect(lastSaveAudit()).toMatchObject({ clearMisfits: true, valuesConverted: 2, misfitsCleared: 2 });
  });

  it('names only the options that match none of the new list, and clearing keeps the converted rest', async () => {
    const f = await field('contact', 'multiselect', ['a', 'b', 'z']);
    const az = await contact({ [f.id]: ['a', 'z'] });
    const b = await contact({ [f.id]: ['b'] });
    await expect(save(f, { options: ['A', 'b'] })).rejects.toMatchObject({ detail: { count: 1, trashed: 0, options: ['z'] } });
    await save(f, { options: ['A', 'b'], clearMisfits: true });
    expect(storedCustom('contacts', az.id)).toEqual({ [f.id]: ['A'] });
    expect(storedCustom('contacts', b.id)).toEqual({ [f.id]: ['b'] });
  });

  it('select → multiselect with an option removed: the list of one, or the removed option named', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡']);
    const tea = await contact({ [f.id]: '茶' });
    const coffee = await contact({ [f.id]: '咖啡' });
    await expect(save(f, { type: 'multiselect', options: ['茶'] })).rejects.toMatchObject({ detail: { count: 1, options: ['咖啡'] } });
    await save(f, { type: 'multiselect', options: ['茶'], clearMisfits: true });
    expect(storedCustom('contacts', tea.id)).toEqual({ [f.id]: ['茶'] });
    expect(storedCustom('contacts', coffee.id)).toEqual({});
  });
});

describe('an option renamed in place carries its values over', () => {
  it('a select: the records holding 茶 hold 绿茶, as edits (change log, field clock, audit), the Trash included', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡']);
    const tea = await contact({ [f.id]: '茶' });
    const trashed = await contact({ [f.id]: '茶' });
    const coffee = await contact({ [f.id]: '咖啡' });
    await runtime().call('contacts.delete', { ids: [trashed.id] });
    const coffeeLogs = rowLogs(coffee.id);
    const saved = await save(f, { options: ['绿茶', '咖啡'], renames: [{ from: '茶', to: '绿茶' }] });
    expect(saved.options).toEqual(['绿茶', '咖啡']);
    expect([tea, trashed, coffee].map((c) => storedCustom('contacts', c.id)[f.id])).toEqual(['绿茶', '绿茶', '咖啡']);
    expect(loggedCustom(tea.id)).toEqual({ [f.id]: '绿茶' });
    expect(rowLogs(coffee.id)).toBe(coffeeLogs);
    expect(count(`SELECT count(*) FROM field_clock WHERE tbl = 'contacts' AND row_id = ? AND col = 'custom'`, tea.id)).toBe(1);
    expect(lastSaveAudit()).toMatchObject({ renames: [{ from: '茶', to: '绿茶' }], valuesConverted: 2 });
    expect(lastSaveAudit()).not.toHaveProperty('misfitsCleared');
  });

  it('a multiselect: the renamed option in each list, the others kept', async () => {
    const f = await field('company', 'multiselect', ['A', 'B', 'C']);
    const ab = await company({ [f.id]: ['A', 'B'] });
    const c = await company({ [f.id]: ['C'] });
    await save(f, { options: ['A', 'Bee', 'C'], renames: [{ from: 'B', to: 'Bee' }] });
    expect(storedCustom('companies', ab.id)).toEqual({ [f.id]: ['A', 'Bee'] });
    expect(storedCustom('companies', c.id)).toEqual({ [f.id]: ['C'] });
  });

  it('two options swapping names swap their values (no option removed, yet the values move)', async () => {
    const f = await field('contact', 'select', ['甲', '乙']);
    const a = await contact({ [f.id]: '甲' });
    const b = await contact({ [f.id]: '乙' });
    await save(f, { options: ['乙', '甲'], renames: [{ from: '甲', to: '乙' }, { from: '乙', to: '甲' }] });
    expect([a, b].map((c) => storedCustom('contacts', c.id)[f.id])).toEqual(['乙', '甲']);
  });

  it('with an option removed beside the rename, only the removed one is a misfit; refused, nothing is written, the rename neither', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡', '水']);
    const tea = await contact({ [f.id]: '茶' });
    const water = await contact({ [f.id]: '水' });
    const change = { options: ['绿茶', '咖啡'], renames: [{ from: '茶', to: '绿茶' }] };
    const [logs, audits] = [logCount(), auditCount()];
    await expect(save(f, change)).rejects.toMatchObject({ message: 'customFields.values_misfit', detail: { count: 1, trashed: 0, options: ['水'] } });
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
    expect(storedCustom('contacts', tea.id)).toEqual({ [f.id]: '茶' });
    await save(f, { ...change, clearMisfits: true });
    expect(storedCustom('contacts', tea.id)).toEqual({ [f.id]: '绿茶' });
    expect(storedCustom('contacts', water.id)).toEqual({});
    expect(lastSaveAudit()).toMatchObject({ valuesConverted: 1, misfitsCleared: 1 });
  });

  it('renames only options: a text field turned select keeps its text a misfit though a rename names it', async () => {
    const f = await field('contact', 'text');
    const c = await contact({ [f.id]: '茶' });
    await expect(save(f, { type: 'select', options: ['绿茶'], renames: [{ from: '茶', to: '绿茶' }] })).rejects.toMatchObject({ message: 'customFields.values_misfit' });
    expect(storedCustom('contacts', c.id)).toEqual({ [f.id]: '茶' });
  });

  it('refuses a rename to a name not in the options, or of one option twice, writing nothing', async () => {
    const f = await field('contact', 'select', ['茶', '咖啡']);
    await contact({ [f.id]: '茶' });
    const [logs, audits] = [logCount(), auditCount()];
    const invalid = { code: 'invalid_input', fields: [{ path: 'renames', message: 'validation.invalid' }] };
    await expect(save(f, { options: ['绿茶', '咖啡'], renames: [{ from: '茶', to: '红茶' }] })).rejects.toMatchObject(invalid);
    await expect(save(f, { options: ['绿茶', '红茶'], renames: [{ from: '茶', to: '绿茶' }, { from: '茶', to: '红茶' }] })).rejects.toMatchObject(invalid);
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
  });
});

describe('an existing custom field keeps its entity', () => {
  it('refuses moving a field to another entity, writing nothing; its records stay editable', async () => {
    const f = await field('contact', 'text');
    const c = await contact({ [f.id]: '甜' });
    const [logs, audits] = [logCount(), auditCount()];
    await expect(save(f, { entity: 'company' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'entity', message: 'customFields.entity_fixed' }],
    });
    await expect(save(f, { entity: 'company', type: 'number', clearMisfits: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect([logCount(), auditCount()]).toEqual([logs, audits]);
    expect(await runtime().call('customFields.list', { entity: 'contact' })).toEqual([f]);
    expect(storedCustom('contacts', c.id)).toEqual({ [f.id]: '甜' });
    await runtime().call('contacts.update', { id: c.id, patch: { title: '总监', custom: { [f.id]: '咸' } } });
    expect(storedCustom('contacts', c.id)).toEqual({ [f.id]: '咸' });
  });

  it('still saves other changes of the field on its own entity', async () => {
    const f = await field('company', 'text');
    expect(await save(f, { label: '规模' })).toMatchObject({ entity: 'company', label: '规模' });
  });
});
