// Rows as people's files really have them, imported end to end into a real SQLite file: cells
// beyond the header, a row of another encoding, quotes closed early or never, "no company"
// placeholders, one number written three ways, Google Contacts' own cells, updates that change nothing.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { applySaved } from '../../../shared/io';
import { jobsOf } from '../../jobs/registry';
import { downloadsDir } from '../export/downloads';
import { SNIFF_BYTES } from '../read/encoding';
import { CELL_MAX_CHARS, CUT_MARK } from '../read/tokenizer';
import { count, csv, download, everything, importFile, runtime, upload } from './test-import';

const contacts = (rt: Awaited<ReturnType<typeof runtime>>) =>
  rt.app.db.sqlite.prepare(`SELECT c.name, c.mobiles, c.emails, c.notes, c.title, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id ORDER BY c.rid`).all() as Record<string, string | null>[];

/** The scratch files of rejected rows (rejected.ts) in the data folder's downloads. */
function scratchFiles(rt: Awaited<ReturnType<typeof runtime>>): string[] {
  const dir = downloadsDir(rt.app.dataDir);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.rejected.jsonl')) : [];
}

describe('messy rows', () => {
  it('a row with filled cells beyond the header is rejected with its reason; empty extra cells are fine', async () => {
    const rt = await runtime();
    const text = '姓名,地址,公司,备注\n张三,北京市,朝阳区建国路1号,甲公司,老客户\n李四,上海,乙公司,好,,\n';
    const { result } = await importFile(rt, 'wide.csv', csv(text));
    expect(result).toMatchObject({ rows: 2, created: 1, rejected: 1, companiesCreated: 1 });
    expect(contacts(rt)).toMatchObject([{ name: '李四', company: '乙公司', notes: '好' }]);
    const rejected = await download(rt, result.rejectedFile!);
    expect(rejected).toContain('张三,北京市,朝阳区建国路1号,甲公司,老客户');
    expect(rejected).toContain('validation.extra_cells');
  });

  it('a row of another encoding (one GBK row in a UTF-8 file) is rejected, not stored as �', async () => {
    const rt = await runtime();
    // Past the head the encoding is told from (SNIFF_BYTES), as an appended row would be.
    const rows = SNIFF_BYTES / 8;
    const utf8 = Buffer.from(`姓名,备注\n${Array.from({ length: rows }, (_, i) => `王${i},北京`).join('\n')}\n`, 'utf8');
    const { result } = await importFile(rt, 'mixed.csv', Buffer.concat([utf8, iconv.encode('张三,武当山\n', 'gbk')]));
    expect(result).toMatchObject({ created: rows, rejected: 1 });
    expect(count(rt, `SELECT count(*) FROM contacts WHERE name LIKE '%' || char(65533) || '%' OR notes LIKE '%' || char(65533) || '%'`)).toBe(0);
    expect(await download(rt, result.rejectedFile!)).toContain('validation.encoding');
  });

  it('a UTF-8 row in a GBK file (added by another program) is stored as written, not garbled', async () => {
    const rt = await runtime();
    const bytes = Buffer.concat([iconv.encode('姓名,手机,备注\n张伟,13800138000,老客户\n', 'gbk'), csv('王芳,13700137000,来自微信\n'), iconv.encode('赵六,13600136000,普通\n', 'gbk')]);
    const { result } = await importFile(rt, 'gbk.csv', bytes);
    expect(result).toMatchObject({ created: 3, rejected: 0 });
    expect(contacts(rt).map((c) => [c.name, c.notes])).toEqual([['张伟', '老客户'], ['王芳', '来自微信'], ['赵六', '普通']]);
  });

  it('a small UTF-8 file with a GBK row among its first rows is UTF-8: that row alone is rejected', async () => {
    const rt = await runtime();
    const rows = Array.from({ length: 200 }, (_, i) => `客户${i},1380013${String(i).padStart(4, '0')},老客户备注`);
    const bytes = Buffer.concat([csv(`姓名,手机,备注\n${rows.slice(0, 3).join('\n')}\n`), iconv.encode('王芳,13700137000,来自微信\n', 'gbk'), csv(`${rows.slice(3).join('\n')}\n`)]);
    const { result } = await importFile(rt, 'small.csv', bytes);
    expect(result).toMatchObject({ created: 200, rejected: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('validation.encoding');
  });

  it('a quote closed before the end of its cell keeps the next rows', async () => {
    const rt = await runtime();
    const text = '姓名,手机,备注\r\n张三,13800138000,"老客户"推荐\r\n李四,13900139000,普通\r\n王五,13700137000,"VIP" 客户\r\n';
    const { result } = await importFile(rt, 'q.csv', csv(text));
    expect(result).toMatchObject({ rows: 3, created: 3 });
    expect(contacts(rt).map((c) => c.notes)).toEqual(['老客户推荐', '普通', 'VIP 客户']);
  });

  it('a quote never closed fails the import with its line, and writes nothing', async () => {
    const rt = await runtime();
    const uploadId = await upload(rt, 'open.csv', csv('姓名,备注\n张三,好\n李四,"没关上\n王五,好\n'));
    const before = everything(rt);
    const mapping = { 0: 'name', 1: 'notes' };
    const { jobId } = await rt.call('io.startImport', { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'skip', fileName: 'open.csv' } });
    const status = await jobsOf(rt.app).wait(jobId);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'invalid_input', message: 'io.unclosed_quote', params: { line: 2 } } });
    expect(everything(rt)).toBe(before);
  });

  it('a cell longer than any field takes rejects its row with its reason; the rejected-rows file holds it cut and marked', async () => {
    const rt = await runtime();
    // As large as the test's upload takes (two chunks): the prepare thread reads it.
    const { result } = await importFile(rt, 'big.csv', csv(`姓名,备注\n张伟,${'x'.repeat(6 * 1024 * 1024)}\n李四,好\n`));
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    const rejected = await download(rt, result.rejectedFile!);
    expect(rejected).toContain(`张伟,${'x'.repeat(CELL_MAX_CHARS)}${CUT_MARK},`);
    expect(rejected.length).toBeLessThan(CELL_MAX_CHARS + 1000);
    expect(rejected).toContain('validation.cell_too_long');
    expect(scratchFiles(rt)).toEqual([]);
  });

  it('a failed import leaves no scratch file of its rejected rows, and scratch files left by imports that never ended go at the next one', async () => {
    const rt = await runtime();
    // Past a batch of rejected rows (prepare-stage.ts), so that some were written before the failure.
    const bad = Array.from({ length: 300 }, (_, i) => `张三${i},123`).join('\n');
    const uploadId = await upload(rt, 'open.csv', csv(`姓名,手机\n${bad}\n李四,"没关上\n`));
    const { jobId } = await rt.call('io.startImport', { uploadId, entity: 'contact', mapping: { 0: 'name', 1: 'mobiles' }, options: { onDuplicate: 'skip', fileName: 'open.csv' } });
    expect(await jobsOf(rt.app).wait(jobId)).toMatchObject({ state: 'failed' });
    expect(scratchFiles(rt)).toEqual([]);
    // Left by a thread stopped over its heap cap (this process) or a process killed; the one of a running process stays.
    const left = [`${process.pid}.a.rejected.jsonl`, '999999999.b.rejected.jsonl', `${process.ppid}.c.rejected.jsonl`];
    mkdirSync(downloadsDir(rt.app.dataDir), { recursive: true });
    for (const name of left) writeFileSync(join(downloadsDir(rt.app.dataDir), name), '[]\n');
    await importFile(rt, 'bad.csv', csv('姓名,手机\n张三,123\n'));
    expect(scratchFiles(rt)).toEqual([`${process.ppid}.c.rejected.jsonl`]);
  });

  it('"no company" placeholders link no company and create none', async () => {
    const rt = await runtime();
    const text = '姓名,公司\n甲,/\n乙,-\n丙,——\n丁,无\n戊,N/A\n己,真公司\n';
    const { result } = await importFile(rt, 'placeholders.csv', csv(text));
    expect(result).toMatchObject({ created: 6, companiesCreated: 1 });
    expect(contacts(rt).map((c) => c.company)).toEqual([null, null, null, null, null, '真公司']);
  });

  it('a row with more tags than a record may carry is rejected (the record could not be saved in the form)', async () => {
    const rt = await runtime();
    const many = Array.from({ length: 51 }, (_, i) => `标签${i}`).join(';');
    const { result } = await importFile(rt, 'tags.csv', csv(`姓名,标签\n张三,"${many}"\n李四,VIP\n`));
    expect(result).toMatchObject({ created: 1, rejected: 1, tagsCreated: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('validation.too_many');
  });

  it('one number or address written several ways is stored once', async () => {
    const rt = await runtime();
    const text = '姓名,手机,手机2,邮箱,邮箱2\n张三,"13800138000;+86 138 0013 8000",138-0013-8000,a@b.com,A@B.COM\n';
    await importFile(rt, 'same.csv', csv(text));
    expect(contacts(rt)).toMatchObject([{ mobiles: '["13800138000"]', emails: '["a@b.com"]' }]);
  });

  it("reads Google Contacts' cells: values joined by :::, Organization Name/Title, Labels, a birthday without a year", async () => {
    const rt = await runtime();
    const text = [
      'First Name,Last Name,Organization Name,Organization Title,Phone 1 - Label,Phone 1 - Value,Birthday,Labels',
      '三,张,星辰科技,经理,Mobile,+86 138 0013 8000 ::: +86 139 0013 9000,--03-15,* myContacts ::: 客户',
    ].join('\n');
    const { result } = await importFile(rt, 'google.csv', csv(text));
    expect(result).toMatchObject({ created: 1, rejected: 0, tagsCreated: 1 });
    expect(contacts(rt)).toMatchObject([{ name: '张三', company: '星辰科技', title: '经理', mobiles: '["13800138000","13900139000"]', notes: '生日：03-15' }]);
    expect(rt.app.db.sqlite.prepare('SELECT name FROM tags').pluck().all()).toEqual(['客户']);
  });

  it('fill-empty past the form\'s 10 mobiles rejects the row with its reason instead of dropping numbers', async () => {
    const rt = await runtime();
    const eight = Array.from({ length: 8 }, (_, i) => `1380000000${i}`);
    const c = await rt.call('contacts.create', { name: '张三', mobiles: eight, emails: ['z@example.com'] });
    const three = await importFile(rt, 'm.csv', csv('姓名,邮箱,手机\n张三,z@example.com,"13900000001;13900000002;13900000003"\n'), { onDuplicate: 'update_empty' });
    expect(three.result).toMatchObject({ updated: 0, rejected: 1 });
    expect(await download(rt, three.result.rejectedFile!)).toContain('手机号码: 数量太多');
    const two = await importFile(rt, 'm.csv', csv('姓名,邮箱,手机\n张三,z@example.com,"13900000001;13900000002"\n'), { onDuplicate: 'update_empty' });
    expect(two.result).toMatchObject({ updated: 1, rejected: 0 });
    expect((await rt.call('contacts.get', { id: c.id })).mobiles).toHaveLength(10);
  });

  it('an update that changes nothing counts as skipped, and fill-empty leaves a record its company', async () => {
    const rt = await runtime();
    await importFile(rt, 'a.csv', csv('姓名,手机,公司,标签\n张三,13800138000,甲公司,VIP\n李四,13900139000,,老客户\n'));
    const again = await importFile(rt, 'a.csv', csv('姓名,手机,公司,标签\n张三,13800138000,甲公司,VIP\n李四,13900139000,,老客户\n'), { onDuplicate: 'update_empty' });
    expect(again.result).toMatchObject({ updated: 0, skipped: 2, companiesCreated: 0, tagsCreated: 0 });

    const moved = await importFile(rt, 'b.csv', csv('姓名,手机,公司\n张三,13800138000,乙公司\n'), { onDuplicate: 'update_empty' });
    expect(moved.result).toMatchObject({ skipped: 1, companiesCreated: 0 });
    expect(count(rt, `SELECT count(*) FROM companies WHERE name = '乙公司'`)).toBe(0);
    const overwritten = await importFile(rt, 'b.csv', csv('姓名,手机,公司\n张三,13800138000,乙公司\n'), { onDuplicate: 'overwrite' });
    expect(overwritten.result).toMatchObject({ updated: 1, companiesCreated: 1 });
    expect(contacts(rt)[0]).toMatchObject({ name: '张三', company: '乙公司' });
  });
});

describe('custom fields in a file', () => {
  it('the preview shows a custom value that does not fit as the file has it, with its issue on that field', async () => {
    const rt = await runtime();
    const level = await rt.call('customFields.save', { entity: 'contact', label: '会员等级', type: 'select', options: ['金卡'] });
    const uploadId = await upload(rt, 'c.csv', csv('姓名,会员等级\n张三,钻石卡\n李四,金卡\n'));
    const { preview } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(preview.map((r) => [r.values.custom, r.errors])).toEqual([
      [{ [level.id]: '钻石卡' }, [{ field: `custom.${level.id}`, message: 'validation.custom_option' }]],
      [{ [level.id]: '金卡' }, []],
    ]);
  });

  it('a column headed by a custom field label goes to that field, even a label the built-in fields know; options holding a comma survive', async () => {
    const rt = await runtime();
    const channel = await rt.call('customFields.save', { entity: 'contact', label: '渠道', type: 'multiselect', options: ['线上,直营', '门店'] });
    const note = await rt.call('customFields.save', { entity: 'contact', label: '说明', type: 'text' });
    const uploadId = await upload(rt, 'cf.csv', csv('姓名,渠道,说明,备注\n张三,"线上,直营;门店",微信同号,老客户\n'));
    const { mapping } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(mapping).toEqual({ 0: 'name', 1: `custom:${channel.id}`, 2: `custom:${note.id}`, 3: 'notes' });
    const { result } = await importFile(rt, 'cf.csv', csv('姓名,渠道,说明,备注\n张三,"线上,直营;门店",微信同号,老客户\n'));
    expect(result).toMatchObject({ created: 1, rejected: 0 });
    const stored = rt.app.db.sqlite.prepare('SELECT custom, notes FROM contacts').get() as { custom: string; notes: string };
    expect(JSON.parse(stored.custom)).toEqual({ [channel.id]: ['线上,直营', '门店'], [note.id]: '微信同号' });
    expect(stored.notes).toBe('老客户');
  });

  it('a multi-select option holding ";" (our export\'s separator) is read whole', async () => {
    const rt = await runtime();
    const hobby = await rt.call('customFields.save', { entity: 'contact', label: '兴趣', type: 'multiselect', options: ['茶;酒', '球', '茶'] });
    const { result } = await importFile(rt, 'h.csv', csv('姓名,兴趣\n甲,茶;酒\n乙,球;茶;酒\n丙,茶;球\n丁,茶;酒;球\n'));
    expect(result).toMatchObject({ created: 4, rejected: 0 });
    const values = (rt.app.db.sqlite.prepare('SELECT custom FROM contacts ORDER BY rid').pluck().all() as string[]).map((c) => JSON.parse(c)[hobby.id]);
    expect(values).toEqual([['茶;酒'], ['球', '茶;酒'], ['茶', '球'], ['茶;酒', '球']]);
  });

  it('a mapping may not be saved under a built-in preset\'s name (kehu import --map finds presets by name)', async () => {
    const rt = await runtime();
    await expect(rt.call('io.saveMapping', { name: 'kehu EXPORT', entity: 'contact', columns: { 姓名: 'name' } })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'name', message: 'io.mapping.builtinName', params: { name: 'Kehu export' } }],
    });
    expect((await rt.call('io.saveMapping', { name: '我的方案', entity: 'contact', columns: { 姓名: 'name' } })).name).toBe('我的方案');
  });

  it('a preset or saved mapping keeps the custom field columns the file names (our presets know no custom fields), and drops one deleted since', async () => {
    const rt = await runtime();
    const level = await rt.call('customFields.save', { entity: 'contact', label: '等级', type: 'text' });
    const uploadId = await upload(rt, 'k.csv', csv('姓名,手机,等级,备注\n张三,13800138000,VIP,好\n'));
    const inspected = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    const preset = (await rt.call('io.mappings', { entity: 'contact' })).find((m) => m.name === 'Kehu export')!;
    expect(applySaved(preset, inspected.info.headers, inspected.mapping)).toEqual({ 0: 'name', 1: 'mobiles', 2: `custom:${level.id}`, 3: 'notes' });
    // A mapping naming a custom field deleted since: that column is not imported, the rows are.
    await rt.call('customFields.delete', { id: level.id });
    const again = await rt.call('io.inspect', { uploadId, entity: 'contact', mapping: { 0: 'name', 2: `custom:${level.id}` } });
    expect(again.mapping).toEqual({ 0: 'name' });
    expect(again.preview[0]!.errors).toEqual([]);
    // A column the saved mapping says to ignore stays ignored.
    expect(applySaved({ columns: { 姓名: 'name', 等级: 'ignore' } }, inspected.info.headers, inspected.mapping)).toEqual({ 0: 'name' });
  });

  it('a rejected custom value is named by its field\'s label in the rejected-rows file', async () => {
    const rt = await runtime();
    await rt.call('customFields.save', { entity: 'contact', label: '等级', type: 'select', options: ['VIP', '普通'] });
    const { result } = await importFile(rt, 'level.csv', csv('姓名,等级\n张三,金牌\n'));
    expect(result).toMatchObject({ rejected: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('自定义字段：等级: 请从选项中选择 (custom.');
  });

  it('a custom text longer than the form takes (1,000 characters) is refused as too long, as the form refuses it', async () => {
    const rt = await runtime();
    await rt.call('customFields.save', { entity: 'contact', label: '说明', type: 'text' });
    const { result } = await importFile(rt, 'long.csv', csv(`姓名,说明\n张三,${'长'.repeat(1001)}\n李四,${'长'.repeat(1000)}\n`));
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('自定义字段：说明: 内容太长 (custom.');
  });

  it('numbers as people write amounts; hexadecimal, decimal commas and the like are refused, not misread', async () => {
    const rt = await runtime();
    const amount = await rt.call('customFields.save', { entity: 'contact', label: '金额', type: 'number' });
    const file = '姓名,金额\n甲,"1,234.5"\n乙,¥1234\n丙,100元\n丁,１２３４\n戊,-0.5\n己,0x10\n庚,"1,5"\n辛,"12,34,567"\n壬,"１，２００，０００"\n';
    const { result } = await importFile(rt, 'n.csv', csv(file));
    expect(result).toMatchObject({ created: 6, rejected: 3 });
    const values = (rt.app.db.sqlite.prepare('SELECT custom FROM contacts ORDER BY rid').pluck().all() as string[]).map((c) => JSON.parse(c)[amount.id]);
    expect(values).toEqual([1234.5, 1234, 100, 1234, -0.5, 1200000]);
    expect(await download(rt, result.rejectedFile!)).toMatch(/庚,"?1,5"?,自定义字段：金额/);
  });

  it('select options match whatever their case or width', async () => {
    const rt = await runtime();
    const level = await rt.call('customFields.save', { entity: 'contact', label: '等级', type: 'select', options: ['VIP', '普通'] });
    const channels = await rt.call('customFields.save', { entity: 'contact', label: '渠道', type: 'multiselect', options: ['Online', '门店'] });
    const { result } = await importFile(rt, 'case.csv', csv('姓名,等级,渠道\n张三,vip,online;门店\n李四,ＶＩＰ,"ONLINE,门店"\n'));
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    const custom = (rt.app.db.sqlite.prepare('SELECT custom FROM contacts ORDER BY rid').pluck().all() as string[]).map((c) => JSON.parse(c));
    expect(custom).toEqual([
      { [level.id]: 'VIP', [channels.id]: ['Online', '门店'] },
      { [level.id]: 'VIP', [channels.id]: ['Online', '门店'] },
    ]);
  });
});

describe('custom fields named like our export\'s own columns', () => {
  it('our export\'s 负责人 column stays the owner\'s, and the field\'s column "负责人(2)" goes to the field; a company\'s 电话 stays its phone', async () => {
    const rt = await runtime();
    const person = await rt.call('customFields.save', { entity: 'contact', label: '负责人', type: 'text' });
    const phone = await rt.call('customFields.save', { entity: 'company', label: '电话', type: 'text' });
    const contacts = await upload(rt, 'c.csv', csv('姓名,负责人,负责人(2)\n张三,店主,李经理\n'));
    expect((await rt.call('io.inspect', { uploadId: contacts, entity: 'contact' })).mapping).toEqual({ 0: 'name', 2: `custom:${person.id}` });
    const companies = await upload(rt, 'co.csv', csv('公司名称,电话,电话(2)\n甲公司,010-12345678,总机\n'));
    expect((await rt.call('io.inspect', { uploadId: companies, entity: 'company' })).mapping).toEqual({ 0: 'name', 1: 'phone', 2: `custom:${phone.id}` });
  });
});

describe('cells as spreadsheets and chat apps write them', () => {
  it('full-width digits and headers, Excel\'s ="…" text, an apostrophe, 86 without +, zero-width spaces', async () => {
    const rt = await runtime();
    const text = '姓名,手机,Ｅｍａｉｌ\n\u200b张三,１３８００１３８０００,a@b.com\n李四,"=""13900139000""",\n王五,\'13700137000,\n赵六,86 13600136000,\n张三,13800138000,\n';
    const { result } = await importFile(rt, 'sheet.csv', csv(text));
    expect(result).toMatchObject({ created: 4, skipped: 1, rejected: 0 });
    expect(contacts(rt).map((c) => [c.name, c.mobiles, c.emails])).toEqual([
      ['张三', '["13800138000"]', '["a@b.com"]'],
      ['李四', '["13900139000"]', '[]'],
      ['王五', '["13700137000"]', '[]'],
      ['赵六', '["13600136000"]', '[]'],
    ]);
  });
});

describe('how a duplicate matched, as the preview says it', () => {
  it('a company by its phone or its name; a contact by name with company', async () => {
    const rt = await runtime();
    await rt.call('companies.create', { name: '甲公司', phone: '010-12345678' });
    const companies = await upload(rt, 'co.csv', csv('公司名称,电话\n乙公司,010-12345678\n甲公司,\n'));
    const co = await rt.call('io.inspect', { uploadId: companies, entity: 'company' });
    expect(co.preview.map((r) => r.duplicate?.by)).toEqual(['phone', 'name']);
    const people = await upload(rt, 'p.csv', csv('姓名,公司\n张三,甲公司\n张三,甲公司\n'));
    const pe = await rt.call('io.inspect', { uploadId: people, entity: 'contact' });
    expect(pe.preview[1]!.duplicate).toMatchObject({ source: 'file', by: 'name_company' });
  });
});

describe('company sizes as people write them', () => {
  it('thousands separators, ranges, upper bounds', async () => {
    const rt = await runtime();
    const text = '公司名称,规模\n甲,"1,200人"\n乙,"1,000-4,999"\n丙,10人以下\n丁,少于50人\n戊,500人以上\n己,50-199\n庚,３０人\n';
    const { result } = await importFile(rt, 'sizes.csv', csv(text), { entity: 'company' });
    expect(result).toMatchObject({ created: 7, rejected: 0 });
    const sizes = rt.app.db.sqlite.prepare('SELECT name, size FROM companies ORDER BY rid').raw().all();
    expect(Object.fromEntries(sizes as [string, string][])).toEqual({ 甲: '1000+', 乙: '1000+', 丙: '1-9', 丁: '10-49', 戊: '200-999', 己: '50-199', 庚: '10-49' });
  });
});
