// What `kehu import` / `kehu export` say when something is wrong, run as the command line over
// real files and data folders: the app's sentences in the folder's language (zh-CN, en) with their
// params, a workbook whose first sheet maps nothing, an --out whose extension is not the format,
// the rejected rows saved as a .csv beside the imported file; and the exit codes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/app';
import { createRuntime } from '../core/runtime';
import { downloadsDir } from '../io/export/downloads';
import { captureIo } from '../test/cli-io';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, HELP, runCli } from './run';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-messages-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder whose interface language is `locale` (set as the app sets it). */
async function dataFolder(locale: Locale): Promise<string> {
  const dir = tempDir();
  const rt = await createRuntime(dir);
  await rt.call('app.setLocale', { locale });
  await rt.close();
  return dir;
}

async function kehu(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const t = captureIo();
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function workbook(sheets: Record<string, string[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const path = join(tempDir(), '客户.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const COVER = [['本表用于导入客户，请勿修改表头'], ['手机号为 11 位']];
const CUSTOMERS = [['姓名', '手机', '公司'], ['张三', '13812345678', '星辰科技']];

describe('kehu import and export say what went wrong', () => {
  it("says a file's problem as the app does, in the data folder's language, its params filled in", async () => {
    const files = {
      empty: file('empty.csv', ''),
      headerOnly: file('header.csv', '姓名,手机\n'),
      // A zip's signature, then nothing a workbook has.
      corrupt: file('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 'x')])),
      quote: file('quote.csv', '姓名,手机\n张三,13812345678\n李四,13812345679\n"王五,13812345670\n赵六,13812345671\n'),
    };
    const said: Record<Locale, Record<keyof typeof files, string>> = {
      'zh-CN': {
        empty: '错误：文件是空的：没有表头，也没有数据',
        headerOnly: '错误：文件里只有表头，没有数据行',
        corrupt: '错误：文件已损坏或不是 Excel 工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx 或 CSV 后再导入',
        // The reader's `line` counts data rows: the quote is on the file's line 4 (reported, not the CLI's).
        quote: '错误：文件中有一个引号（"）没有闭合，从第 3 行起的内容都被读进了同一个单元格。请在 Excel 或 WPS 中检查该行附近后重新保存',
      },
      en: {
        empty: 'Error: The file is empty: no header and no data',
        headerOnly: 'Error: The file has a header but no data rows',
        corrupt: 'Error: The file is damaged or is not an Excel workbook. Open it in Excel or WPS, save it as .xlsx or CSV, and import that file',
        quote: 'Error: A quote (") in the file is never closed, so everything from row 3 on was read into one cell. Check the rows around it in Excel or WPS and save the file again',
      },
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      const data = await dataFolder(locale);
      for (const [name, path] of Object.entries(files) as [keyof typeof files, string][]) {
        const r = await kehu('import', path, '--data', data);
        expect(r.code, name).toBe(EXIT_FAILURE);
        expect(r.err.trim(), name).toBe(said[locale][name]);
      }
    }
    // A folder that never chose a language speaks Chinese, the app's default.
    expect((await kehu('import', files.empty, '--data', tempDir())).err).toBe(`${said['zh-CN'].empty}\n`);
  }, 60_000);

  it('names the sheets whose columns map when the first sheet of a workbook maps none, and reads the one --sheet names', async () => {
    const book = await workbook({ 说明: COVER, 客户: CUSTOMERS, '备 用': CUSTOMERS });
    const zh = await kehu('import', book, '--data', await dataFolder('zh-CN'));
    expect(zh.code).toBe(EXIT_FAILURE);
    expect(zh.out).toContain('客户.xlsx: xlsx, sheet 说明; columns: (none mapped)');
    expect(zh.err).toBe('错误：工作表“说明”没有一列能按表头对应到字段。能对应的工作表：客户, 备 用。请用 --sheet 工作表名称 选择，例如 --sheet 客户\n');

    const data = await dataFolder('en');
    const en = await kehu('import', book, '--data', data);
    expect(en.code).toBe(EXIT_FAILURE);
    expect(en.err).toBe('Error: No column of sheet “说明” could be mapped by its header. Sheets whose columns map: 客户, 备 用. Choose one with --sheet NAME, e.g. --sheet 客户\n');
    const chosen = await kehu('import', book, '--sheet', '客户', '--data', data);
    expect(chosen.code).toBe(EXIT_OK);
    expect(chosen.out).toContain('sheet 客户; columns: 姓名 → name, 手机 → mobiles, 公司 → company');
    expect(chosen.out).toContain('Created 1,');

    // --sheet named a sheet that maps nothing: the same advice; a name with a space comes quoted.
    const cover = await kehu('import', await workbook({ 说明: COVER, '备 用': CUSTOMERS }), '--sheet', '说明', '--data', data);
    expect(cover.err).toContain('Sheets whose columns map: 备 用. Choose one with --sheet NAME, e.g. --sheet "备 用"');

    const none = await kehu('import', await workbook({ 说明: COVER, 附录: COVER }), '--data', data);
    expect(none.code).toBe(EXIT_FAILURE);
    expect(none.err).toBe('Error: No column of any sheet of this workbook (说明, 附录) could be mapped by its header: use --map NAME with a saved mapping\n');
    const csv = await kehu('import', file('x.csv', 'foo,bar\n1,2\n'), '--data', data);
    expect(csv.code).toBe(EXIT_FAILURE);
    expect(csv.err).toBe('Error: No column could be mapped by its header: use --map NAME with a saved mapping\n');
  }, 90_000);

  it('refuses an --out whose extension names another format, in the folder language; without --format the extension chooses', async () => {
    const out = join(tempDir(), 'a.xlsx');
    const zh = await kehu('export', '--entity', 'contacts', '--format', 'csv', '--out', out, '--data', await dataFolder('zh-CN'));
    expect(zh.code).toBe(EXIT_USAGE);
    expect(zh.err).toContain(
      `--out 的文件名 ${out} 以 .xlsx 结尾，但导出格式是 csv：Excel、WPS 和手机按扩展名打开文件，会打不开它。请把文件名改为以 .csv 结尾，或改用 --format xlsx（不写 --format 时按扩展名选择格式）`,
    );
    const data = await dataFolder('en');
    const en = await kehu('export', '--entity', 'contacts', '--format', 'csv', '--gbk', '--out', out, '--data', data);
    expect(en.code).toBe(EXIT_USAGE);
    expect(en.err).toContain(`--out ${out} ends in .xlsx but the format is csv: Excel, WPS and phones go by the extension and would not open it.`);
    expect(existsSync(out)).toBe(false);
    // Refused before the export job: it made no file in the data folder either.
    expect(existsSync(downloadsDir(data))).toBe(false);

    expect((await kehu('export', '--entity', 'contacts', '--out', out, '--data', data)).code).toBe(EXIT_OK);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // An extension that is none of the formats is the user's choice (a CSV as .txt).
    expect((await kehu('export', '--entity', 'contacts', '--format', 'csv', '--out', join(tempDir(), 'a.txt'), '--data', data)).code).toBe(EXIT_OK);
  }, 60_000);

  it('saves the rejected rows beside the imported file as FILE-rejected.csv, never over an earlier one', async () => {
    const data = await dataFolder('zh-CN');
    const source = file('客户.csv', '姓名,手机\n张三,13812345678\n李四,bad\n');
    const dir = join(source, '..');
    const first = await kehu('import', source, '--data', data);
    expect(first.code).toBe(EXIT_OK);
    expect(first.out).toContain(`Rejected rows with reasons: ${join(dir, '客户-rejected.csv')}\n`);
    const rows = readFileSync(join(dir, '客户-rejected.csv'), 'utf8');
    expect(rows).toMatch(/^\uFEFF姓名,手机,原因\/reason\r\n李四,bad,手机号码: /);
    // The data folder keeps no plain-text copy (as after an export).
    expect(readdirSync(downloadsDir(data))).toEqual([]);

    // Again: 张三 is a duplicate, 李四 still bad → nothing imported (exit 1), a second file.
    const again = await kehu('import', source, '--data', data);
    expect(again.code).toBe(EXIT_FAILURE);
    expect(again.out).toContain(`Rejected rows with reasons: ${join(dir, '客户-rejected (2).csv')}\n`);
    expect(readFileSync(join(dir, '客户-rejected (2).csv'), 'utf8')).toBe(rows);
  }, 60_000);

  it('documents what each exit code means', () => {
    expect(HELP).toContain('0   done; for import: at least one row was created or updated');
    expect(HELP).toContain('1   failed; for import also: nothing could be imported');
    expect(HELP).toContain('2   the data folder was made by a newer version');
    expect(HELP).toContain('64  usage error');
  });
});
