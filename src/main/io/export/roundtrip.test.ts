// Round trip: export from one data folder, import the file into an EMPTY one through the real
// import (io.upload → io.inspect's suggested mapping → io.startImport), and compare the records
// field by field. CSV, CSV GBK, XLSX and vCard (vCard carries fewer fields: no custom fields, and
// the address comes back as one text; see contactView).
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import type { Company } from '../../../shared/companies';
import type { ExportFormat, ExportResult, ImportResult, IoEntity, OnDuplicate } from '../../../shared/io';
import type { JobStatus } from '../../../shared/jobs';
import { seedBulk } from '../../features/demo/bulk';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});
async function runtime(): Promise<TempRuntime> {
  const rt = await tempRuntime();
  open.push(rt);
  return rt;
}

async function finish(rt: TempRuntime, jobId: string): Promise<JobStatus> {
  for (;;) {
    const s = await rt.call('jobs.get', { id: jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exportFile(rt: TempRuntime, entity: IoEntity, format: ExportFormat): Promise<{ name: string; data: string }> {
  const { jobId } = await rt.call('io.startExport', { entity, format, filter: {}, sort: 'created', dir: 'asc' });
  const s = await finish(rt, jobId);
  expect(s.state).toBe('done');
  const { downloadId, fileName } = s.result as ExportResult;
  const chunks: Buffer[] = [];
  for (let offset = 0; ; ) {
    const c = await rt.call('io.download', { downloadId, offset });
    const b = Buffer.from(c.data, 'base64');
    chunks.push(b);
    offset += b.length;
    if (c.done) break;
  }
  return { name: fileName, data: Buffer.concat(chunks).toString('base64') };
}

async function importFile(rt: TempRuntime, entity: IoEntity, file: { name: string; data: string }, onDuplicate: OnDuplicate = 'create'): Promise<ImportResult> {
  const { uploadId } = await rt.call('io.upload', { name: file.name, offset: 0, data: file.data, done: true });
  const { mapping } = await rt.call('io.inspect', { uploadId, entity });
  const { jobId } = await rt.call('io.startImport', {
    uploadId,
    entity,
    mapping,
    options: { onDuplicate, fileName: file.name, dryRun: false },
  });
  const s = await finish(rt, jobId);
  expect(s.error).toBeUndefined();
  return s.result as ImportResult;
}

async function all<T>(rt: TempRuntime, channel: 'contacts.list' | 'companies.list'): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = (await rt.call(channel, { cursor, limit: 500, sort: 'name', dir: 'asc', filter: {} })) as { items: T[]; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * What a contact's file carries back. vCard: the import's vCard reader (io/read/vcard.ts, its
 * VCARD_HEADERS) reads FN, TEL, EMAIL, ORG, TITLE, ADR as one address, BDAY, NOTE, X-QQ, X-WECHAT,
 * X-GENDER and CATEGORIES (tags); the address parts come back as one address text in their order
 * (province city district street), compared as such. Custom fields have no place in a vCard.
 */
function contactView(c: Contact, vcard: boolean) {
  const common = {
    name: c.name,
    gender: c.gender,
    tags: c.tags.map((t) => t.name).sort(),
    title: c.title,
    mobiles: c.mobiles,
    landline: c.landline,
    emails: c.emails,
    wechat: c.wechat,
    qq: c.qq,
    birthday: c.birthday,
    companyName: c.companyName,
    notes: c.notes,
  };
  if (vcard) return { ...common, address: [c.province, c.city, c.district, c.address].filter(Boolean).join('') || null };
  return {
    ...common,
    province: c.province,
    city: c.city,
    district: c.district,
    address: c.address,
  };
}
const companyView = (c: Company) => ({
  name: c.name, industry: c.industry, size: c.size, category: c.category, phone: c.phone, website: c.website, source: c.source,
  province: c.province, city: c.city, district: c.district, address: c.address, notes: c.notes, tags: c.tags.map((t) => t.name).sort(),
});
const stable = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('export → import into an empty database', () => {
  it.each(['csv', 'csv-gbk', 'xlsx', 'vcf'] as const)('contacts, %s: the same records', async (format) => {
    const source = await runtime();
    seedBulk(source.app.db.sqlite, { contacts: 400, seed: 11, clock: source.app.clock });
    const c = await source.call('companies.create', { name: '华盛科技, "北京"有限公司', allowDuplicate: true });
    await source.call('contacts.create', {
      name: '欧阳娜娜', gender: 'female', title: '经理', mobiles: ['13912345678'], emails: ['a@example.com', 'b@example.com'],
      notes: '多行\n备注; 含逗号, "引号"', companyId: c.id, district: '朝阳区', address: '建国路 88 号', birthday: '1990-02-03', allowDuplicate: true,
    });
    const file = await exportFile(source, 'contact', format);
    const target = await runtime();
    const result = await importFile(target, 'contact', file);
    const before = await all<Contact>(source, 'contacts.list');
    expect(result).toMatchObject({ rows: before.length, created: before.length, rejected: 0 });
    const after = await all<Contact>(target, 'contacts.list');
    const vcard = format === 'vcf';
    expect(stable(after.map((x) => contactView(x, vcard)))).toEqual(stable(before.map((x) => contactView(x, vcard))));
  });

  it.each(['csv', 'xlsx'] as const)('companies, %s: the same records', async (format) => {
    const source = await runtime();
    seedBulk(source.app.db.sqlite, { contacts: 300, seed: 12, clock: source.app.clock });
    await source.call('companies.create', { name: '鑫达贸易', category: 'key', size: '50-199', phone: '021-55556666', website: 'https://xd.example.com', allowDuplicate: true });
    const file = await exportFile(source, 'company', format);
    const target = await runtime();
    const before = await all<Company>(source, 'companies.list');
    const result = await importFile(target, 'company', file);
    expect(result).toMatchObject({ rows: before.length, created: before.length, rejected: 0 });
    const after = await all<Company>(target, 'companies.list');
    expect(stable(after.map(companyView))).toEqual(stable(before.map(companyView)));
  });

  it.each(['csv', 'xlsx', 'vcf'] as const)('a contact whose company is in the Trash comes back without it, %s (the company is not created again)', async (format) => {
    const source = await runtime();
    const company = await source.call('companies.create', { name: '已删公司', allowDuplicate: true });
    await source.call('contacts.create', { name: '甲', companyId: company.id, allowDuplicate: true });
    await source.call('companies.delete', { ids: [company.id] });
    const target = await runtime();
    expect(await importFile(target, 'contact', await exportFile(source, 'contact', format))).toMatchObject({ created: 1, rejected: 0, companiesCreated: 0 });
    expect((await all<Contact>(target, 'contacts.list')).map((c) => [c.name, c.companyName])).toEqual([['甲', null]]);
    expect(await all<Company>(target, 'companies.list')).toEqual([]);
  });

  it('XLSX: a vertical tab or form feed in a note comes back as a line break, not dropped (甲\\v乙 came back 甲乙)', async () => {
    const source = await runtime();
    await source.call('contacts.create', { name: '甲', notes: '第一段\v第二段\f第三段', allowDuplicate: true });
    const target = await runtime();
    expect(await importFile(target, 'contact', await exportFile(source, 'contact', 'xlsx'))).toMatchObject({ created: 1, rejected: 0 });
    expect((await all<Contact>(target, 'contacts.list')).map((c) => c.notes)).toEqual(['第一段\n第二段\n第三段']);
  });

  it('tags holding a comma, 、, ； or Google\'s :::, alone or with others, come back whole (CSV and XLSX)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const source = await runtime();
      const tag = async (name: string) => (await source.call('tags.save', { name, color: '#8c8c8c' })).id;
      const [ab, vip, region] = [await tag('A,B'), await tag('VIP、重点'), await tag('上海；华东')];
      await source.call('contacts.create', { name: '甲', tagIds: [ab], allowDuplicate: true });
      await source.call('contacts.create', { name: '乙', tagIds: [vip, region], allowDuplicate: true });
      await source.call('contacts.create', { name: '丙', tagIds: [region], allowDuplicate: true });
      await source.call('contacts.create', { name: '丁', tagIds: [await tag('研发:::测试')], allowDuplicate: true });
      const target = await runtime();
      expect(await importFile(target, 'contact', await exportFile(source, 'contact', format))).toMatchObject({ created: 4, rejected: 0, tagsCreated: 4 });
      const tags = Object.fromEntries((await all<Contact>(target, 'contacts.list')).map((c) => [c.name, c.tags.map((t) => t.name).sort()]));
      expect(tags).toEqual({ 甲: ['A,B'], 乙: ['VIP、重点', '上海；华东'], 丙: ['上海；华东'], 丁: ['研发:::测试'] });
    }
  });

  // The export neutralises formula-like text with a leading apostrophe (io/export/cells.ts); the
  // import strips it again (io/import/mapping.ts mapRow), so these values, and an international
  // mobile ("'+447911123456" in CSV), come back unchanged.
  it('formula-like values come back unchanged (CSV and XLSX)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const source = await runtime();
      await source.call('contacts.create', { name: '=SUM(1)', title: '+1', notes: '-1', wechat: '@x', mobiles: ['+447911123456'], allowDuplicate: true });
      const target = await runtime();
      const result = await importFile(target, 'contact', await exportFile(source, 'contact', format));
      expect(result).toMatchObject({ created: 1, rejected: 0 });
      const [c] = await all<Contact>(target, 'contacts.list');
      expect(c).toMatchObject({ name: '=SUM(1)', title: '+1', notes: '-1', wechat: '@x', mobiles: ['+447911123456'] });
    }
  });

  // Text stored with the mark itself ('=x) or as Excel's text trick (="x"): a CSV or XLSX export
  // marks it once more, a vCard not at all (not a spreadsheet); either way it comes back as stored.
  it.each(['csv', 'xlsx', 'vcf'] as const)('text starting with an apostrophe before a formula character, or as ="…", comes back as stored, %s', async (format) => {
    const [source, target] = [await runtime(), await runtime()];
    const tag = await source.call('tags.save', { name: "'@标签", color: '#8c8c8c' });
    const company = await source.call('companies.create', { name: "'=公司", allowDuplicate: true });
    await source.call('contacts.create', {
      name: "'=SUM(1)", title: "'+1", notes: "'-1\n第二行", wechat: "'@x", address: '="0013800138000"', companyId: company.id, tagIds: [tag.id], allowDuplicate: true,
    });
    expect(await importFile(target, 'contact', await exportFile(source, 'contact', format))).toMatchObject({ created: 1, rejected: 0 });
    const vcard = format === 'vcf';
    expect((await all<Contact>(target, 'contacts.list')).map((c) => contactView(c, vcard))).toEqual((await all<Contact>(source, 'contacts.list')).map((c) => contactView(c, vcard)));
  });

  it.each(['csv', 'xlsx'] as const)('a company\'s and a custom field\'s text starting with the mark comes back as stored, %s', async (format) => {
    const [source, target] = [await runtime(), await runtime()];
    for (const rt of [source, target]) await rt.call('customFields.save', { entity: 'company', label: '备用', type: 'text' });
    const field = (await source.call('customFields.list', { entity: 'company' }))[0]!;
    await source.call('companies.create', { name: "'=鑫达", source: "'+展会", notes: '="1"', custom: { [field.id]: "'=九折" }, allowDuplicate: true });
    expect(await importFile(target, 'company', await exportFile(source, 'company', format))).toMatchObject({ created: 1, rejected: 0 });
    const [c] = await all<Company>(target, 'companies.list');
    const targetField = (await target.call('customFields.list', { entity: 'company' }))[0]!;
    expect([companyView(c!), c!.custom]).toEqual([companyView((await all<Company>(source, 'companies.list'))[0]!), { [targetField.id]: "'=九折" }]);
  });

  it('a mobile number kept as 座机 stays the landline through a vCard', async () => {
    const [source, target] = [await runtime(), await runtime()];
    await source.call('contacts.create', { name: '甲', landline: '13700137000', mobiles: ['13900139000'], allowDuplicate: true });
    expect(await importFile(target, 'contact', await exportFile(source, 'contact', 'vcf'))).toMatchObject({ created: 1, rejected: 0 });
    const [c] = await all<Contact>(target, 'contacts.list');
    expect(c).toMatchObject({ landline: '13700137000', mobiles: ['13900139000'] });
  });

  it('custom fields with the same label, or labels differing only by a dash, keep their own columns (CSV and XLSX)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const [source, target] = [await runtime(), await runtime()];
      for (const rt of [source, target]) {
        for (const [position, label] of ['备用', '备用', '客户-等级', '客户等级'].entries()) await rt.call('customFields.save', { entity: 'contact', label, type: 'text', position });
      }
      const ids = (await source.call('customFields.list', { entity: 'contact' })).map((f) => f.id);
      await source.call('contacts.create', { name: '甲', custom: Object.fromEntries(ids.map((id, i) => [id, 'ABCD'[i]!])), allowDuplicate: true });
      expect(await importFile(target, 'contact', await exportFile(source, 'contact', format))).toMatchObject({ created: 1, rejected: 0 });
      const [c] = await all<Contact>(target, 'contacts.list');
      const fields = await target.call('customFields.list', { entity: 'contact' });
      expect(fields.map((f) => [f.label, c!.custom[f.id]])).toEqual([['备用', 'A'], ['备用', 'B'], ['客户-等级', 'C'], ['客户等级', 'D']]);
    }
  });

  it('a custom field whose label looks like a formula keeps its column (CSV and XLSX)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const [source, target] = [await runtime(), await runtime()];
      for (const rt of [source, target]) await rt.call('customFields.save', { entity: 'contact', label: '=折扣', type: 'text' });
      const field = (await source.call('customFields.list', { entity: 'contact' }))[0]!;
      await source.call('contacts.create', { name: '甲', custom: { [field.id]: '九折' }, allowDuplicate: true });
      expect(await importFile(target, 'contact', await exportFile(source, 'contact', format))).toMatchObject({ created: 1, rejected: 0 });
      const targetField = (await target.call('customFields.list', { entity: 'contact' }))[0]!;
      const [c] = await all<Contact>(target, 'contacts.list');
      expect(c!.custom).toEqual({ [targetField.id]: '九折' });
    }
  });
});

/** A CSV export's text edited as a person would in a spreadsheet (UTF-8 with BOM in and out). */
function editCsv(file: { name: string; data: string }, edit: (text: string) => string): { name: string; data: string } {
  const text = Buffer.from(file.data, 'base64').toString('utf8');
  return { name: file.name, data: Buffer.from(edit(text), 'utf8').toString('base64') };
}

describe('the record id column (记录ID)', () => {
  /** Two 张伟 at one company and a couple sharing a mobile: kept apart on purpose, so no duplicates of each other. */
  async function deliberateDuplicates(rt: TempRuntime) {
    const c = await rt.call('companies.create', { name: '鑫达贸易', allowDuplicate: true });
    await rt.call('contacts.create', { name: '张伟', title: '销售', companyId: c.id, allowDuplicate: true });
    await rt.call('contacts.create', { name: '张伟', title: '仓库', companyId: c.id, allowDuplicate: true });
    await rt.call('contacts.create', { name: '王芳', mobiles: ['13812345678'], allowDuplicate: true });
    await rt.call('contacts.create', { name: '李强', mobiles: ['13812345678'], allowDuplicate: true });
  }

  it.each(['csv', 'xlsx', 'vcf'] as const)('%s into an empty database with the default 跳过 keeps records kept apart on purpose; the same file again skips them all', async (format) => {
    const [source, target] = [await runtime(), await runtime()];
    await deliberateDuplicates(source);
    const file = await exportFile(source, 'contact', format);
    expect(await importFile(target, 'contact', file, 'skip')).toMatchObject({ rows: 4, created: 4, skipped: 0, rejected: 0 });
    const view = (rows: Contact[]) => stable(rows.map((x) => contactView(x, format === 'vcf')));
    expect(view(await all<Contact>(target, 'contacts.list'))).toEqual(view(await all<Contact>(source, 'contacts.list')));
    // The target's records have ids of their own: the file's ids are not theirs, their keys are.
    expect(await importFile(target, 'contact', file, 'skip')).toMatchObject({ created: 0, skipped: 4 });
  });

  it('vCard into the same database: each card is its record (UID), a contact with a name only is not duplicated', async () => {
    const rt = await runtime();
    await deliberateDuplicates(rt);
    await rt.call('contacts.create', { name: '赵六', allowDuplicate: true });
    expect(await importFile(rt, 'contact', await exportFile(rt, 'contact', 'vcf'), 'skip')).toMatchObject({ rows: 5, created: 0, skipped: 5 });
  });

  it('into the same database, edits made in the spreadsheet update their records by id, even a changed mobile; a contact with a name only is not duplicated', async () => {
    const rt = await runtime();
    await deliberateDuplicates(rt);
    await rt.call('contacts.create', { name: '赵六', allowDuplicate: true });
    const before = await all<Contact>(rt, 'contacts.list');
    const file = await exportFile(rt, 'contact', 'csv');
    expect(await importFile(rt, 'contact', file, 'skip')).toMatchObject({ rows: 5, created: 0, skipped: 5 });
    const edited = editCsv(file, (text) => text.replace('13812345678', '13900001111').replace(',仓库,', ',库管,'));
    expect(await importFile(rt, 'contact', edited, 'overwrite')).toMatchObject({ rows: 5, created: 0, updated: 2, skipped: 3 });
    const after = await all<Contact>(rt, 'contacts.list');
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    expect(after.filter((c) => c.name === '张伟').map((c) => c.title).sort()).toEqual(['库管', '销售']);
    expect(after.filter((c) => c.mobiles.includes('13900001111')).map((c) => c.name)).toHaveLength(1);
  });

  it('a row copied in the spreadsheet (the same id twice) and an id that is not one are refused with their reasons', async () => {
    const [source, target] = [await runtime(), await runtime()];
    await source.call('contacts.create', { name: '甲', allowDuplicate: true });
    await source.call('contacts.create', { name: '乙', allowDuplicate: true });
    const file = editCsv(await exportFile(source, 'contact', 'csv'), (text) => {
      const [header, ...rows] = text.trimEnd().split('\r\n');
      const bad = rows[1]!.replace(/,[\w-]+$/, ',not an id!');
      return [header, rows[0], rows[0], bad].join('\r\n') + '\r\n';
    });
    const result = await importFile(target, 'contact', file, 'skip');
    expect(result).toMatchObject({ rows: 3, created: 1, skipped: 0, rejected: 2 });
    expect((await all<Contact>(target, 'contacts.list')).map((c) => c.name)).toEqual(['甲']);
  });

  it('the id of a record in the Trash does not bring it back: the row is a new record', async () => {
    const rt = await runtime();
    const gone = await rt.call('contacts.create', { name: '甲', allowDuplicate: true });
    const file = await exportFile(rt, 'contact', 'csv');
    await rt.call('contacts.delete', { ids: [gone.id] });
    expect(await importFile(rt, 'contact', file, 'skip')).toMatchObject({ created: 1, skipped: 0 });
    const [now] = await all<Contact>(rt, 'contacts.list');
    expect(now!.id).not.toBe(gone.id);
  });

  it('the preview maps 记录ID by itself and names the record a row is; a custom field labelled 记录ID keeps its own column', async () => {
    const rt = await runtime();
    await rt.call('customFields.save', { entity: 'contact', label: '记录ID', type: 'text' });
    const field = (await rt.call('customFields.list', { entity: 'contact' }))[0]!;
    const a = await rt.call('contacts.create', { name: '甲', custom: { [field.id]: 'X-1' }, allowDuplicate: true });
    const file = await exportFile(rt, 'contact', 'csv');
    const { uploadId } = await rt.call('io.upload', { name: file.name, offset: 0, data: file.data, done: true });
    const { mapping, preview, info } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(info.headers.slice(-2)).toEqual(['记录ID(2)', '记录ID']);
    expect([mapping[String(info.headers.length - 2)], mapping[String(info.headers.length - 1)]]).toEqual([`custom:${field.id}`, 'recordId']);
    expect(preview[0]).toMatchObject({ values: { recordId: a.id, custom: { [field.id]: 'X-1' } }, duplicate: { source: 'existing', by: 'record', id: a.id, name: '甲' } });
  });

  it('companies: the same database, a renamed company is updated by its id', async () => {
    const rt = await runtime();
    const c = await rt.call('companies.create', { name: '鑫达贸易', allowDuplicate: true });
    const file = editCsv(await exportFile(rt, 'company', 'csv'), (text) => text.replace('鑫达贸易', '鑫达贸易有限公司'));
    expect(await importFile(rt, 'company', file, 'overwrite')).toMatchObject({ created: 0, updated: 1 });
    expect((await all<Company>(rt, 'companies.list')).map((x) => [x.id, x.name])).toEqual([[c.id, '鑫达贸易有限公司']]);
  });
});
