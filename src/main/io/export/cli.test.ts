// `kehu export` (src/main/cli/export.ts) over a real data folder: job, chunked download, FILE.part
// renamed to FILE, summary; usage errors. Needs io.startExport/io.download wired to exportHandlers.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportUsageError, parseExportArgs, runExportCli } from '../../cli/export';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../cli/run';
import { createRuntime } from '../../core/runtime';
import ExcelJS from 'exceljs';
import { seedBulk } from '../../features/demo/bulk';
import { captureIo } from '../../test/cli-io';
import { downloadsDir } from './downloads';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});

/** Whether the io channels are wired to the export's handlers yet (features/io/handlers.ts). */
async function wired(rt: TempRuntime): Promise<boolean> {
  try {
    await rt.call('io.download', { downloadId: 'none', offset: 0 });
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'not_found';
  }
}

describe('kehu export', () => {
  it('parses its options', () => {
    expect(parseExportArgs({ entity: 'contacts', format: 'csv', gbk: true, out: 'a.csv' })).toEqual({ entity: 'contact', format: 'csv-gbk', out: 'a.csv' });
    expect(parseExportArgs({ entity: 'companies', format: undefined, gbk: false, out: 'b.XLSX' }).format).toBe('xlsx');
    // Any case, as import takes them and as the --out extension already was.
    expect(parseExportArgs({ entity: 'Contacts', format: 'CSV', gbk: false, out: 'a.csv' })).toEqual({ entity: 'contact', format: 'csv', out: 'a.csv' });
    expect(() => parseExportArgs({ entity: 'people', format: 'csv', gbk: false, out: 'a' })).toThrow(ExportUsageError);
    expect(() => parseExportArgs({ entity: 'constructor', format: 'csv', gbk: false, out: 'a' })).toThrow(ExportUsageError);
    expect(() => parseExportArgs({ entity: 'contacts', format: 'pdf', gbk: false, out: 'a' })).toThrow(ExportUsageError);
    expect(() => parseExportArgs({ entity: 'contacts', format: 'xlsx', gbk: true, out: 'a' })).toThrow(ExportUsageError);
    expect(() => parseExportArgs({ entity: 'contacts', format: 'csv', gbk: false, out: undefined })).toThrow(ExportUsageError);
  });

  it('refuses companies as vCard (most of their fields would be lost), in the CLI and in io.startExport', async () => {
    expect(() => parseExportArgs({ entity: 'companies', format: 'vcf', gbk: false, out: 'a.vcf' })).toThrow('vCard is for contacts only');
    expect(() => parseExportArgs({ entity: 'company', format: undefined, gbk: false, out: 'a.vcf' })).toThrow(ExportUsageError);
    const rt = await tempRuntime();
    open.push(rt);
    await expect(rt.call('io.startExport', { entity: 'company', format: 'vcf', filter: {}, sort: 'updated', dir: 'desc' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'format', message: 'io.vcard_contacts_only' }],
    });
    // A usage error before the data folder is opened: no database is made, no job runs.
    const { io, err } = captureIo();
    const data = join(rt.dataDir, 'unopened');
    expect(await runCli(['export', '--entity', 'companies', '--format', 'vcf', '--out', join(rt.dataDir, 'c.vcf'), '--data', data], io)).toBe(EXIT_USAGE);
    expect(err()).toContain('vCard is for contacts only');
    expect(existsSync(data)).toBe(false);
  });

  it('checks --out before the export runs: its folder exists and can be written, it is not a folder', async () => {
    const rt = await tempRuntime();
    open.push(rt);
    const parse = (out: string) => () => parseExportArgs({ entity: 'contacts', format: 'csv', gbk: false, out });
    expect(parse(join(rt.dataDir, 'nope', 'a.csv'))).toThrow(`--out: the folder ${join(rt.dataDir, 'nope')} does not exist`);
    expect(parse(rt.dataDir)).toThrow(`--out ${rt.dataDir} is a folder`);
    expect(parse(`${join(rt.dataDir, 'new')}/`)).toThrow('is a folder');
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = join(rt.dataDir, 'locked');
      mkdirSync(locked, { mode: 0o555 });
      expect(parse(join(locked, 'a.csv'))).toThrow('cannot be written to');
    }
    // From the command line: a usage error and no stack trace, the data folder never opened.
    const { io, err } = captureIo();
    const data = join(rt.dataDir, 'unopened');
    expect(await runCli(['export', '--entity', 'contacts', '--out', join(rt.dataDir, 'nope', 'a.csv'), '--data', data], io)).toBe(EXIT_USAGE);
    expect(err()).toContain('does not exist');
    expect(err()).not.toMatch(/\n\s+at /);
    expect(existsSync(data)).toBe(false);
  });

  it('leaves no FILE.part behind when the copy cannot be renamed to FILE', async (t) => {
    const rt = await tempRuntime();
    open.push(rt);
    if (!(await wired(rt))) t.skip();
    await rt.call('contacts.create', { name: '张伟', allowDuplicate: true });
    // A folder where FILE should go, made after the options were checked: the rename fails.
    const out = join(rt.dataDir, 'contacts.csv');
    const plan = parseExportArgs({ entity: 'contacts', format: 'csv', gbk: false, out });
    mkdirSync(join(out, 'taken'), { recursive: true });
    await expect(runExportCli(rt, plan, () => undefined)).rejects.toThrow();
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('exports every contact to --out through the job and io.download', async (t) => {
    const rt = await tempRuntime();
    open.push(rt);
    if (!(await wired(rt))) t.skip();
    seedBulk(rt.app.db.sqlite, { contacts: 1200, seed: 2, clock: rt.app.clock });
    const out = join(rt.dataDir, 'contacts.csv');
    const printed: string[] = [];
    const lines: string[] = [];
    const plan = parseExportArgs({ entity: 'contacts', format: 'csv', gbk: false, out });
    const code = await runExportCli(rt, plan, (s) => printed.push(s), { progress: (l) => lines.push(l) });
    expect(code).toBe(0);
    expect(existsSync(`${out}.part`)).toBe(false);
    // Its plain-text copy is gone from the data folder once saved to --out.
    expect(readdirSync(downloadsDir(rt.dataDir))).toEqual([]);
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0][0]).toBe('姓名');
    expect(rows.length - 1).toBe(rt.app.db.sqlite.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL').pluck().get());
    expect(printed.join('\n')).toMatch(/^Wrote .*contacts\.csv: 1,\d{3} contacts, csv \(UTF-8 with BOM\)/);
  });

  it('runs from the command line: npm run kehu -- export --entity companies --format xlsx --out FILE', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehu-cli-export-'));
    try {
      const rt = await createRuntime(dataDir);
      seedBulk(rt.app.db.sqlite, { contacts: 300, seed: 4, clock: rt.app.clock });
      const companies = rt.app.db.sqlite.prepare('SELECT count(*) FROM companies WHERE deleted_at IS NULL').pluck().get() as number;
      await rt.close();
      const out = join(dataDir, '公司.xlsx');
      const { io, out: printed } = captureIo();
      expect(await runCli(['export', '--entity', 'companies', '--format', 'xlsx', '--out', out, '--data', dataDir], io)).toBe(EXIT_OK);
      expect(printed()).toContain(`${companies} companies, xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets[0].rowCount).toBe(companies + 1);
      expect(await runCli(['export', '--entity', 'companies', '--format', 'pdf', '--out', out, '--data', dataDir], io)).toBe(EXIT_USAGE);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
