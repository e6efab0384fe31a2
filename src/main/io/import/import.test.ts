// The import over real SQLite files and real reader code: mapping detection, a GBK CSV end to
// end, rejected rows and their CSV, duplicate policies, companies/tags created, cancel and a
// failure mid-file leaving every table as it was, undo (and its refusal), dry run, change_log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { OWNER_ID, ownerSession } from '../../core/session';
import { viewerOf } from '../../core/visibility';
import { jobsOf } from '../../jobs/registry';
import { inspectFile } from '../read';
import { VCARD_HEADERS } from '../read/types';
import { suggestMapping } from './mapping';
import { runUndoTask } from './undo';
import { count, csv, download, everything, importFile, runtime, schema, undoImport, upload } from './test-import';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures');

describe('mapping auto-detect', () => {
  it('maps Chinese and English headers', () => {
    expect(suggestMapping('contact', ['姓名', '手机号码', '公司名称', '电子邮件', '职务', '地址', '省', '市', '区', '生日', '备注', 'QQ', '微信', '标签', '座机'])).toEqual({
      0: 'name', 1: 'mobiles', 2: 'company', 3: 'emails', 4: 'title', 5: 'address', 6: 'province', 7: 'city', 8: 'district',
      9: 'birthday', 10: 'notes', 11: 'qq', 12: 'wechat', 13: 'tags', 14: 'landline',
    });
    expect(suggestMapping('contact', ['Name', 'Mobile Phone', 'E-mail', 'Company', 'Job Title', 'Notes', 'Birthday'])).toEqual({
      0: 'name', 1: 'mobiles', 2: 'emails', 3: 'company', 4: 'title', 5: 'notes', 6: 'birthday',
    });
    expect(suggestMapping('company', ['公司名称', '行业', '规模', '网址', '电话', '客户类别'])).toEqual({
      0: 'name', 1: 'industry', 2: 'size', 3: 'website', 4: 'phone', 5: 'category',
    });
  });

  it("a company's vCard (手机 empty, 座机 its TEL;TYPE=WORK) gives the phone its 座机", () => {
    const m = suggestMapping('company', [...VCARD_HEADERS]);
    expect(m[String(VCARD_HEADERS.indexOf('座机'))]).toBe('phone');
    expect(Object.values(m).filter((t) => t === 'phone')).toHaveLength(1);
  });

  it('maps Google Contacts and Outlook headers (first + last name combined; the business phone is the landline)', async () => {
    const google = ['Name', 'Given Name', 'Family Name', 'Birthday', 'E-mail 1 - Value', 'E-mail 2 - Value', 'Phone 1 - Value', 'Phone 2 - Value', 'Organization 1 - Name', 'Organization 1 - Title'];
    expect(suggestMapping('contact', google)).toEqual({ 0: 'name', 1: 'firstName', 2: 'lastName', 3: 'birthday', 4: 'emails', 5: 'emails', 6: 'mobiles', 7: 'mobiles', 8: 'company', 9: 'title' });
    const { info } = await inspectFile(join(FIXTURES, 'csv/google-shared-contacts-client/outlook.csv'), { sampleRows: 1 });
    const m = suggestMapping('contact', info.headers);
    const byHeader = Object.fromEntries(Object.entries(m).map(([i, t]) => [info.headers[Number(i)], t]));
    expect(byHeader).toMatchObject({ Name: 'name', 'E-mail Address': 'emails', 'E-mail 2 Address': 'emails', 'Mobile Phone': 'mobiles', Company: 'company', 'Job Title': 'title', 'Business Phone': 'landline' });
  });
});

describe('import job', () => {
  it('imports a GBK CSV end to end: companies and tags created, change_log written', async () => {
    const rt = await runtime();
    const indexes = schema(rt);
    const text = '姓名,手机,公司,标签,性别,生日\n张三,138 1234 5678,北京星辰科技有限公司,VIP;老客户,男,1990/1/2\n李四,13912345678,北京星辰科技有限公司,VIP,女,1985年3月4日\n';
    const { result } = await importFile(rt, '客户.csv', iconv.encode(text, 'gbk'));
    expect(result).toMatchObject({ created: 2, rejected: 0, skipped: 0, companiesCreated: 1, tagsCreated: 2 });
    const page = await rt.call('contacts.list', { filter: {} });
    const zs = page.items.find((c) => c.name === '张三')!;
    expect(zs).toMatchObject({ mobiles: ['13812345678'], gender: 'male', birthday: '1990-01-02', companyName: '北京星辰科技有限公司' });
    expect(zs.tags.map((t) => t.name).sort()).toEqual(['VIP', '老客户'].sort());
    // Searchable (FTS + customer_keys written).
    const hits = await rt.call('search.global', { q: '张三' });
    expect(JSON.stringify(hits)).toContain('张三');
    // Synced: change_log rows for contacts, the company, tags and taggings.
    expect(count(rt, `SELECT count(*) FROM change_log WHERE tbl = 'contacts'`)).toBe(2);
    expect(count(rt, `SELECT count(*) FROM change_log WHERE tbl = 'companies'`)).toBe(1);
    expect(count(rt, `SELECT count(*) FROM change_log WHERE tbl = 'taggings'`)).toBe(3);
    expect(count(rt, `SELECT count(*) FROM field_clock WHERE tbl = 'contacts' AND col = '*'`)).toBe(2);
    const history = await rt.call('io.imports', {});
    expect(history[0]).toMatchObject({ fileName: '客户.csv', entity: 'contact', created: 2, undoable: true });
    // Into empty tables: their indexes were built at the end, the same as before.
    expect(schema(rt)).toEqual(indexes);
    // created_ids holds the new records' rid ranges (into empty tables: all of them); the
    // taggings of new records go with them, so no tagging id is listed.
    const created = JSON.parse(rt.app.db.sqlite.prepare('SELECT created_ids FROM imports').pluck().get() as string) as unknown;
    expect(created).toEqual({ rid: { contacts: [0, 2], companies: [0, 1] }, taggings: [] });
  });

  it('imports the GBK fixture (no BOM) with its Chinese header', async () => {
    const rt = await runtime();
    const bytes = readFileSync(join(FIXTURES, 'csv/generated/easyexcel_no_bom.gbk.csv'));
    const { result } = await importFile(rt, 'easyexcel.csv', bytes);
    expect(result.created).toBeGreaterThan(0);
    expect(result.rejected).toBe(0);
    const page = await rt.call('contacts.list', { filter: {} });
    expect(page.items.some((c) => c.name === '姓名0')).toBe(true);
  });

  it('rejects bad rows with reasons and offers them as a CSV with a 原因/reason column', async () => {
    const rt = await runtime();
    const text = '姓名,手机,邮箱,QQ\n王五,13812345678,wang@example.com,12345\n,13812345679,,\n赵六,12345,zhao@,\n钱七,,qian@example.com,0123\n';
    const { result } = await importFile(rt, 'bad.csv', csv(text));
    expect(result).toMatchObject({ rows: 4, created: 1, rejected: 3 });
    const content = await download(rt, result.rejectedFile!);
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const lines = content.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('姓名,手机,邮箱,QQ,原因/reason');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('validation.required');
    expect(lines[2]).toContain('手机号码: 请输入正确的手机号');
    expect(lines[2]).toContain('validation.mobile');
    expect(lines[2]).toContain('validation.email');
    expect(lines[3]).toContain('validation.qq');

    // In the data folder's language, as the preview says them.
    await rt.call('app.setLocale', { locale: 'en' });
    const again = await importFile(rt, 'bad.csv', csv(text));
    expect((await download(rt, again.result.rejectedFile!)).split('\r\n')[2]).toContain('Mobile numbers: Enter a valid mobile number');
  });

  it('previews the first rows normalised, with errors and duplicates', async () => {
    const rt = await runtime();
    await rt.call('contacts.create', { name: '老客户', mobiles: ['13800000001'] });
    const uploadId = await upload(rt, 'p.csv', csv('姓名,手机\n甲,13800000001\n乙,+86 139-0000-0002\n丙,13900000002\n丁,bad\n'));
    const r = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(r.info.headers).toEqual(['姓名', '手机']);
    expect(r.preview[0]!.duplicate).toMatchObject({ source: 'existing', by: 'mobile', name: '老客户' });
    expect(r.preview[1]!.values.mobiles).toEqual(['13900000002']);
    expect(r.preview[2]!.duplicate).toMatchObject({ source: 'file', line: 2 });
    expect(r.preview[3]!.errors).toEqual([{ field: 'mobiles', message: 'validation.mobile' }]);
  });

  it('applies each duplicate policy', async () => {
    const file = csv('姓名,手机,邮箱,职位\n张三,13812345678,new@example.com,经理\n');
    const setup = async () => {
      const rt = await runtime();
      const c = await rt.call('contacts.create', { name: '张三', mobiles: ['13812345678'], title: '职员' });
      return { rt, id: c.id };
    };
    {
      const { rt, id } = await setup();
      const { result } = await importFile(rt, 'a.csv', file, { onDuplicate: 'skip' });
      expect(result).toMatchObject({ created: 0, skipped: 1, updated: 0 });
      expect((await rt.call('contacts.get', { id })).emails).toEqual([]);
    }
    {
      const { rt, id } = await setup();
      const { result } = await importFile(rt, 'a.csv', file, { onDuplicate: 'update_empty' });
      expect(result).toMatchObject({ created: 0, updated: 1 });
      expect(await rt.call('contacts.get', { id })).toMatchObject({ emails: ['new@example.com'], title: '职员' });
    }
    {
      const { rt, id } = await setup();
      const { result } = await importFile(rt, 'a.csv', file, { onDuplicate: 'overwrite' });
      expect(result).toMatchObject({ created: 0, updated: 1 });
      expect(await rt.call('contacts.get', { id })).toMatchObject({ emails: ['new@example.com'], title: '经理' });
    }
    {
      const { rt } = await setup();
      const { result } = await importFile(rt, 'a.csv', file, { onDuplicate: 'create' });
      expect(result).toMatchObject({ created: 1 });
      expect(count(rt, 'SELECT count(*) FROM contacts')).toBe(2);
    }
    {
      // Inside the file: the second row with the same email is a duplicate of the first.
      const rt = await runtime();
      const { result } = await importFile(rt, 'b.csv', csv('姓名,邮箱\n甲,x@example.com\n甲2,X@Example.com\n'));
      expect(result).toMatchObject({ created: 1, skipped: 1 });
    }
  });

  it('imports companies with categories in Chinese and English, links contacts to existing companies', async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 'co.csv', csv('公司名称,客户类别,规模,电话\n星辰科技,重要客户,120人,010-12345678\n月亮贸易,lost,5,\n'), { entity: 'company' });
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    const companies = await rt.call('companies.list', { filter: {} });
    expect(companies.items.find((c) => c.name === '星辰科技')).toMatchObject({ category: 'key', size: '50-199', phone: '010-12345678' });
    const r2 = await importFile(rt, 'ct.csv', csv('姓名,公司\n小王,星辰科技\n'));
    expect(r2.result).toMatchObject({ created: 1, companiesCreated: 0 });
    expect(count(rt, 'SELECT count(*) FROM companies')).toBe(2);
  });

  it('dry run counts and writes nothing', async () => {
    const rt = await runtime();
    const before = everything(rt);
    const { result } = await importFile(rt, 'd.csv', csv('姓名,手机,公司\n甲,13800000001,新公司\n乙,bad,\n'), { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, importId: null, created: 1, rejected: 1, companiesCreated: 1 });
    expect(everything(rt)).toBe(before);
  });

  it('cancel mid-import and a failure mid-file leave every table unchanged', async () => {
    const rt = await runtime();
    await rt.call('contacts.create', { name: '已有', mobiles: ['13700000000'] });
    const rows = Array.from({ length: 20_000 }, (_, i) => `人${i},1${String(3800000000 + i)},公司${i % 50},标签${i % 7}`);
    const bytes = csv(`姓名,手机,公司,标签\n${rows.join('\n')}\n`);
    const uploadId = await upload(rt, 'big.csv', bytes);
    const mapping = { 0: 'name', 1: 'mobiles', 2: 'company', 3: 'tags' };
    const before = everything(rt);

    const { jobId } = await rt.call('io.startImport', { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'skip', fileName: 'big.csv' } });
    for (;;) {
      const s = await rt.call('jobs.get', { id: jobId });
      if (s.done >= 1000 || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await rt.call('jobs.cancel', { id: jobId });
    expect((await jobsOf(rt.app).wait(jobId)).state).toBe('cancelled');
    expect(everything(rt)).toBe(before);

    const failing = jobsOf(rt.app).start({
      kind: 'io.import',
      input: { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'skip', fileName: 'big.csv', dryRun: false }, failAtRow: 2500 },
      auditInput: {},
      session: ownerSession,
    });
    const failed = await jobsOf(rt.app).wait(failing);
    expect(failed.state).toBe('failed');
    expect(everything(rt)).toBe(before);
  }, 60_000);

  it('undoes an import as one synced mutation, and refuses once a record was edited since', async () => {
    const rt = await runtime();
    const existing = await rt.call('contacts.create', { name: '张三', mobiles: ['13812345678'] });
    const { result } = await importFile(rt, 'u.csv', csv('姓名,手机,职位,公司\n张三,13812345678,经理,\n李四,13912345678,,新公司\n'), { onDuplicate: 'update_empty' });
    expect(result).toMatchObject({ created: 1, updated: 1, companiesCreated: 1 });
    const log = count(rt, 'SELECT count(*) FROM change_log');
    const undo = await undoImport(rt, result.importId!);
    expect(undo).toEqual({ removed: 2, restored: 1 });
    expect((await rt.call('contacts.get', { id: existing.id })).title).toBeNull();
    expect(count(rt, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(1);
    expect(count(rt, 'SELECT count(*) FROM companies WHERE deleted_at IS NULL')).toBe(0);
    expect(count(rt, 'SELECT count(*) FROM change_log')).toBeGreaterThan(log);
    expect((await rt.call('io.imports', {}))[0]).toMatchObject({ undoable: false });
    // Undone already: refused at once by the call, no job started.
    await expect(rt.call('io.undoImport', { importId: result.importId! })).rejects.toMatchObject({ code: 'conflict', message: 'io.undo_already' });

    const second = await importFile(rt, 'v.csv', csv('姓名,手机\n王五,13600000001\n赵六,13600000002\n'));
    const wang = (await rt.call('contacts.list', { filter: {} })).items.find((c) => c.name === '王五')!;
    await new Promise((r) => setTimeout(r, 5));
    await rt.call('contacts.update', { id: wang.id, patch: { title: '总监' } });
    await expect(undoImport(rt, second.result.importId!)).rejects.toMatchObject({ code: 'conflict', params: { changed: 1 } });
    expect(count(rt, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(3);
  });

  it('undoes imports newest first: undoing an update of earlier imported records leaves the earlier import undoable', async () => {
    const rt = await runtime();
    const first = await importFile(rt, 'a.csv', csv('姓名,手机\n张三,13812345678\n李四,13912345678\n'));
    const zhang = () => rt.app.db.sqlite.prepare(`SELECT title, updated_at FROM contacts WHERE name = '张三'`).get() as { title: string | null; updated_at: string };
    const importedAt = zhang().updated_at;
    await new Promise((r) => setTimeout(r, 5));
    const second = await importFile(rt, 'b.csv', csv('姓名,手机,职位\n张三,13812345678,经理\n'), { onDuplicate: 'update_empty' });
    expect(second.result).toMatchObject({ created: 0, updated: 1 });
    expect(zhang()).toMatchObject({ title: '经理' });
    expect(zhang().updated_at).not.toBe(importedAt);

    await expect(undoImport(rt, second.result.importId!)).resolves.toEqual({ removed: 0, restored: 1 });
    expect(zhang()).toEqual({ title: null, updated_at: importedAt });
    await expect(undoImport(rt, first.result.importId!)).resolves.toEqual({ removed: 2, restored: 0 });
    expect(count(rt, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
  });

  it('still refuses the earlier undo when a record was edited between the two imports', async () => {
    const rt = await runtime();
    const first = await importFile(rt, 'a.csv', csv('姓名,手机\n张三,13812345678\n'));
    const zhang = (await rt.call('contacts.list', { filter: {} })).items[0]!;
    await new Promise((r) => setTimeout(r, 5));
    await rt.call('contacts.update', { id: zhang.id, patch: { gender: 'male' } });
    const second = await importFile(rt, 'b.csv', csv('姓名,手机,职位\n张三,13812345678,经理\n'), { onDuplicate: 'update_empty' });
    await undoImport(rt, second.result.importId!);
    await expect(undoImport(rt, first.result.importId!)).rejects.toMatchObject({ code: 'conflict', params: { changed: 1 } });
  });

  // Earlier versions stored every created id (`{"contacts":[…],"companies":[…],"taggings":[…]}`);
  // such rows stay in users' databases and undo the same way as the rid ranges stored now.
  it.each(['rid ranges', 'id lists of earlier versions'])('undoes taggings on new and existing records, created_ids as %s', async (form) => {
    const rt = await runtime();
    const existing = await rt.call('contacts.create', { name: '张三', mobiles: ['13812345678'] });
    await rt.call('contacts.create', { name: '旧客户', mobiles: ['13700000000'] });
    const file = csv('姓名,手机,公司,标签\n张三,13812345678,,VIP\n李四,13912345678,新公司,VIP;老客户\n王五,13612345678,新公司,\n');
    const { result } = await importFile(rt, 't.csv', file, { onDuplicate: 'update_empty' });
    expect(result).toMatchObject({ created: 2, updated: 1, companiesCreated: 1, tagsCreated: 2 });
    const s = rt.app.db.sqlite;
    const ids = (sql: string) => s.prepare(sql).pluck().all() as string[];
    const stored = JSON.parse(s.prepare('SELECT created_ids FROM imports').pluck().get() as string) as { taggings: string[] };
    // Only the tagging of the existing record is listed; those of 李四 go with 李四.
    expect(stored.taggings).toEqual(ids(`SELECT id FROM taggings WHERE record_id = '${existing.id}'`));
    if (form !== 'rid ranges') {
      const old = {
        contacts: ids(`SELECT id FROM contacts WHERE name IN ('李四', '王五') ORDER BY rid`),
        companies: ids('SELECT id FROM companies ORDER BY rid'),
        taggings: ids('SELECT id FROM taggings ORDER BY rowid'),
      };
      s.prepare('UPDATE imports SET created_ids = ?').run(JSON.stringify(old));
    }
    const undo = await undoImport(rt, result.importId!);
    expect(undo).toEqual({ removed: 3, restored: 0 }); // 张三 only got a tag: no field to restore
    expect(count(rt, 'SELECT count(*) FROM taggings WHERE deleted_at IS NULL')).toBe(0);
    expect(count(rt, 'SELECT count(*) FROM taggings')).toBe(3);
    expect(ids('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY rid')).toEqual(['张三', '旧客户']);
    expect(count(rt, 'SELECT count(*) FROM companies WHERE deleted_at IS NULL')).toBe(0);
    expect(count(rt, `SELECT count(*) FROM change_log WHERE tbl = 'taggings'`)).toBe(6);
    // The tags it created go too, as nothing carries them any more.
    expect(count(rt, 'SELECT count(*) FROM tags WHERE deleted_at IS NULL')).toBe(0);
  });

  it('refuses an undo while other records use what it created: a contact in its company, a task, a tag put on by hand', async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 'd.csv', csv('姓名,手机,公司\n甲,13800000001,新公司X\n'));
    const s = rt.app.db.sqlite;
    const company = s.prepare(`SELECT id FROM companies WHERE name = '新公司X'`).pluck().get() as string;
    const jia = s.prepare(`SELECT id FROM contacts WHERE name = '甲'`).pluck().get() as string;
    const undo = () => undoImport(rt, result.importId!);

    const hand = await rt.call('contacts.create', { name: '乙', companyId: company });
    await expect(undo()).rejects.toMatchObject({ code: 'conflict', message: 'io.undo_has_dependents', params: { count: 1 } });
    await rt.call('contacts.delete', { ids: [hand.id] });
    const task = await rt.call('tasks.create', { title: '回访', subjectType: 'contact', subjectId: jia });
    await expect(undo()).rejects.toMatchObject({ params: { count: 1 } });
    await rt.call('tasks.delete', { id: task.id });
    const tag = await rt.call('tags.save', { name: 'VIP', color: '#8c8c8c' });
    await rt.call('tags.apply', { tagId: tag.id, recordIds: [jia], on: true });
    await expect(undo()).rejects.toMatchObject({ params: { count: 1 } });
    await rt.call('tags.apply', { tagId: tag.id, recordIds: [jia], on: false });
    await expect(undo()).resolves.toMatchObject({ removed: 2 });
  });

  it('keeps a tag the import created once someone has used it since', async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 't.csv', csv('姓名,手机,标签\n李四,13912345678,VIP;老客户\n'));
    const vip = rt.app.db.sqlite.prepare(`SELECT id FROM tags WHERE name = 'VIP'`).pluck().get() as string;
    await rt.call('contacts.create', { name: '王五', mobiles: ['13600000001'], tagIds: [vip] });
    await undoImport(rt, result.importId!);
    expect(rt.app.db.sqlite.prepare('SELECT name FROM tags WHERE deleted_at IS NULL').pluck().all()).toEqual(['VIP']);
  });

  // Once a bundle was written, another device may hold the import's tags and use them: deleting
  // them would strip them there silently (import-sync.test.ts 3d). A first bundle for a new device
  // (a snapshot, no peer row) counts too.
  it('keeps the tags it created once a sync bundle was written since the import; the history says so', async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 't.csv', csv('姓名,手机,标签\n李四,13912345678,VIP;老客户\n'));
    expect((await rt.call('io.imports', {}))[0]).toMatchObject({ undoKeepsTags: false });
    await rt.call('sync.export', { deviceId: null });
    expect((await rt.call('io.imports', {}))[0]).toMatchObject({ undoKeepsTags: true });
    await undoImport(rt, result.importId!);
    expect(rt.app.db.sqlite.prepare('SELECT name FROM tags WHERE deleted_at IS NULL ORDER BY name').pluck().all()).toEqual(['VIP', '老客户'].sort());
    expect(count(rt, 'SELECT count(*) FROM taggings WHERE deleted_at IS NULL')).toBe(0);
  });

  it('undoes as a job: an unknown import is refused at once; a cancel midway leaves every table as it was and the import undoable; progress reaches its total in each phase', async () => {
    const rt = await runtime();
    await expect(rt.call('io.undoImport', { importId: 'no-such-import' })).rejects.toMatchObject({ code: 'not_found' });
    const rows = Array.from({ length: 20_000 }, (_, i) => `人${i},1${String(3800000000 + i)},公司${i % 50},标签${i % 7}`);
    const { result } = await importFile(rt, 'big.csv', csv(`姓名,手机,公司,标签\n${rows.join('\n')}\n`));
    const importId = result.importId!;
    const total = 20_000 + 50; // the contacts and the companies it created
    const before = everything(rt);

    const { jobId } = await rt.call('io.undoImport', { importId });
    for (;;) {
      const s = await rt.call('jobs.get', { id: jobId });
      if ((s.phase === 'undo' && s.done >= 1000) || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await rt.call('jobs.cancel', { id: jobId });
    expect((await jobsOf(rt.app).wait(jobId)).state).toBe('cancelled');
    expect(everything(rt)).toBe(before);
    expect((await rt.call('io.imports', {}))[0]).toMatchObject({ id: importId, undoneAt: null, undoable: true });

    // The job's function as the worker runs it, here in the test's process: every report kept.
    const reports: [phase: string, done: number, total: number][] = [];
    const hooks = { progress: (phase: string, done: number, of: number) => void reports.push([phase, done, of]) };
    const undo = await runUndoTask({ app: rt.app, input: { importId }, auditInput: { importId }, userId: OWNER_ID, viewer: viewerOf(ownerSession), hooks });
    expect(undo).toEqual({ removed: total, restored: 0 });
    // Each phase from 0 up to its total: the records, or for `untag` the taggings (one per contact).
    const phases = { check: total, untag: 20_000, undo: total, index: total };
    expect([...new Set(reports.map(([phase]) => phase))]).toEqual(Object.keys(phases));
    for (const [phase, of] of Object.entries(phases)) {
      const mine = reports.filter(([p]) => p === phase);
      expect(new Set(mine.map(([, , t]) => t)), phase).toEqual(new Set([of]));
      const dones = mine.map(([, done]) => done);
      expect(dones[0], phase).toBe(0);
      expect(dones.at(-1), phase).toBe(of);
      expect([...dones].sort((x, y) => x - y), phase).toEqual(dones);
    }
    expect(count(rt, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
    // Audited as before, when the undo was the channel's own mutation.
    expect(rt.app.db.sqlite.prepare('SELECT action, entity FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ action: 'io.undoImport', entity: 'import' });
  }, 60_000);

  it('refuses an undo once a created record was purged and its rid taken by a later record', async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 'p.csv', csv('姓名,手机\n甲,13600000001\n乙,13600000002\n'));
    const s = rt.app.db.sqlite;
    s.prepare(`DELETE FROM contacts WHERE name = '乙'`).run();
    await rt.call('contacts.create', { name: '丙', mobiles: ['13600000003'] });
    expect(s.prepare(`SELECT rid FROM contacts WHERE name = '丙'`).pluck().get()).toBe(2);
    await expect(undoImport(rt, result.importId!)).rejects.toMatchObject({ code: 'conflict', params: { changed: 1 } });
  });

  it('refuses upload gaps and keeps uploads under the data folder', async () => {
    const rt = await runtime();
    const { uploadId } = await rt.call('io.upload', { name: '../../etc/passwd', offset: 0, data: csv('abc').toString('base64'), done: false });
    await expect(rt.call('io.upload', { uploadId, name: 'x', offset: 10, data: 'YQ==', done: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(readFileSync(join(rt.dataDir, 'uploads', uploadId), 'utf8')).toBe('abc');
    expect(JSON.parse(readFileSync(join(rt.dataDir, 'uploads', `${uploadId}.json`), 'utf8'))).toEqual({ name: 'passwd' });
  });
});
