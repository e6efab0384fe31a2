// Import and export as people do it: a GBK CSV saved by Chinese Excel (made here with iconv-lite)
// is chosen through the file chooser, one column's mapping is fixed by hand, the progress bar runs,
// the summary counts what happened, the rejected rows come back as a file with a reason, and the
// contacts list goes out again as an Excel file that exceljs reads. Then the same file in English:
// mapping and preview (now every row is a duplicate), and the import undone from the history.
// The wizard's steps are kept as screenshots (zh and en) under test-results/screens/.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { test, expect } from './fixtures';
import { startEmpty } from './helpers';

/** Valid filler rows after the hand-written ones, so that the import runs long enough to watch. */
const FILLER = 20_000;
const HEADER = ['姓名', '手机', '公司', '邮箱', '职位', '备注'];
const ROWS = [
  ['王小明', '138 0013 8000', '星辰科技有限公司', 'wang.xm@example.com', '采购经理', '老客户，春节前回访'],
  ['李娜', '13912345678', '青山贸易', 'lina@example.cn', '销售总监', '展会上认识，"很重要"'],
  ['张伟', '12345', '星辰科技有限公司', 'zhangwei@example.com', '工程师', '手机号写错了'],
  ['陈静', '+86 137-0000-1111', '', 'chenjing@example.com', '会计', ''],
  ['王小明', '13800138000', '星辰科技有限公司', 'wang.xm@example.com', '采购经理', '文件里重复的一行'],
];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The file Chinese Excel writes for "CSV (逗号分隔)": GBK, CRLF, no BOM. */
function writeGbkCsv(testInfo: TestInfo): string {
  const lines = [HEADER, ...ROWS];
  for (let i = 1; i <= FILLER; i++) {
    const n = String(i).padStart(5, '0');
    lines.push([`测试客户${n}`, `136${String(i).padStart(8, '0')}`, `测试公司${i % 50}`, '', '专员', '']);
  }
  const text = lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const file = testInfo.outputPath('客户名单.csv');
  writeFileSync(file, iconv.encode(text, 'gbk'));
  return file;
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // The content scrolls inside the layout: grow the window to the whole screen for the picture.
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => 56 + (document.querySelector('.app-content')?.scrollHeight ?? 0));
  await page.setViewportSize({ width: size.width, height: Math.min(4000, Math.max(size.height, height)) });
  const body = await page.screenshot({ path: `test-results/screens/${name}.png`, style: '.ant-message { display: none !important; }' });
  await page.setViewportSize(size);
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** Picks `label` in the antd Select with this test id (typed: the option list is virtual). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator(`.ant-select-item-option[title="${label}"]`).click();
}

const count = async (page: Page, key: string) => Number((await page.getByTestId(`import-count-${key}`).locator('.ant-statistic-content').innerText()).replace(/\D/g, ''));

/**
 * A double click on `first` whose second click lands on `second`, drawn where `first` was once the
 * first click took effect (a short file's preview puts Start under Next): a click, then the
 * pointer's second press and release (click count 2) on `second`.
 */
async function secondClickLandsOn(page: Page, first: Locator, second: Locator) {
  await first.click();
  await second.scrollIntoViewIfNeeded();
  const box = (await second.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
}

async function chooseFile(page: Page, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('import-step-mapping')).toBeVisible({ timeout: 30_000 });
}

test('a GBK CSV from Excel is imported, its rejected rows downloaded, and the list exported as XLSX', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const file = writeGbkCsv(testInfo);
  await page.goto(host.url);
  await startEmpty(page);
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByRole('heading', { name: '客户/公司' })).toBeVisible();

  // From the contacts list to the import wizard.
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-page')).toBeVisible();
  await expect(page.getByTestId('import-entity').getByRole('radio', { name: '联系人' })).toBeChecked();
  await expect(page.getByTestId('import-history')).toContainText('还没有导入过');
  await shot(page, testInfo, 'import-01-file-zh');

  // The file: GBK detected, the headers mapped from their Chinese names.
  await chooseFile(page, file);
  await expect(page.getByTestId('import-detected')).toContainText('GBK');
  const mapping = page.getByTestId('import-mapping-table');
  await expect(mapping.getByTestId('mapping-row')).toHaveCount(HEADER.length);
  await expect(page.getByTestId('mapping-target-0')).toContainText('姓名');
  await expect(page.getByTestId('mapping-target-1')).toContainText('手机');
  await expect(mapping.locator('[data-header="姓名"]')).toContainText('王小明');

  // One column fixed by hand: 备注 goes to the notes, and its samples show.
  await pick(page, 'mapping-target-5', '不导入');
  await expect(page.getByTestId('mapping-target-5')).toContainText('不导入');
  await expect(mapping.locator('[data-header="备注"]')).toContainText('不导入');
  await pick(page, 'mapping-target-5', '备注');
  await expect(page.getByTestId('mapping-target-5')).toContainText('备注');
  await expect(mapping.locator('[data-header="备注"]')).toContainText('老客户，春节前回访');
  await shot(page, testInfo, 'import-02-mapping-zh');

  // The preview: the bad mobile is marked on its row, the repeated row as a duplicate of line 2.
  await page.getByTestId('import-next').click();
  const preview = page.getByTestId('import-preview-table');
  const bad = preview.getByTestId('preview-row').filter({ hasText: '张伟' });
  await expect(bad.getByTestId('preview-error')).toContainText('手机');
  await expect(bad.getByTestId('preview-cell-error')).toContainText('12345');
  // The repeated row points at the first 王小明 row, by the line number the preview shows for it.
  const firstLine = await preview.getByTestId('preview-row').filter({ hasText: '老客户' }).getAttribute('data-line');
  await expect(preview.getByTestId('preview-row').filter({ hasText: '文件里重复的一行' }).getByTestId('preview-duplicate')).toContainText(`第 ${firstLine} 行`);
  await expect(page.getByTestId('import-duplicates').getByRole('radio', { name: /^跳过/ })).toBeChecked();
  await shot(page, testInfo, 'import-03-preview-zh');

  // The import: a progress bar with counts while it runs, then the summary.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-job-progress')).toBeVisible();
  // The reader streams the file: rows done (and rows/s) count up while the total is not known.
  await expect(page.getByTestId('import-job-bar')).toContainText(/[1-9]\d*/);
  await expect(page.getByTestId('import-job-rate')).toContainText('行/秒');
  await shot(page, testInfo, 'import-04-progress-zh');
  // Away to the contacts and back: the import is still there (its progress, then its summary).
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await expect(page.getByTestId('import-page')).toHaveCount(0);
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-run-file')).toContainText('客户名单.csv');
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  expect(await count(page, 'created')).toBe(FILLER + 3);
  expect(await count(page, 'updated')).toBe(0);
  expect(await count(page, 'skipped')).toBe(1);
  expect(await count(page, 'rejected')).toBe(1);
  await expect(page.getByTestId('import-history')).toContainText('客户名单.csv');
  await shot(page, testInfo, 'import-05-summary-zh');

  // The rejected rows: a CSV with the bad row and why.
  const [rejected] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-rejected').click()]);
  const rejectedFile = testInfo.outputPath('rejected', rejected.suggestedFilename());
  await rejected.saveAs(rejectedFile);
  const rejectedText = readFileSync(rejectedFile, 'utf8').replace(/^\uFEFF/, '');
  const [head, ...rest] = rejectedText.split(/\r?\n/).filter(Boolean);
  expect(head).toMatch(/原因|reason/i);
  expect(rest).toHaveLength(1);
  expect(rest[0]).toContain('张伟');
  expect(rest[0]).toContain('12345');
  expect(rest[0]).toMatch(/手机|mobile/i);

  // The contacts list holds them; it goes out as an Excel file.
  await page.getByTestId('import-open-list').click();
  await expect(page.getByTestId('list-row').first()).toContainText(/测试客户|王小明|李娜|陈静/);
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-format-xlsx').click();
  await shot(page, testInfo, 'export-01-dialog-zh');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = testInfo.outputPath('export', download.suggestedFilename());
  await download.saveAs(xlsx);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.worksheets[0];
  const headerRow = (sheet.getRow(1).values as unknown[]).map(String);
  expect(headerRow.some((h) => h.includes('姓名'))).toBe(true);
  const names = new Set<string>();
  sheet.eachRow((row, n) => n > 1 && names.add(String(row.getCell(1).value)));
  expect(sheet.rowCount - 1).toBe(FILLER + 3);
  for (const name of ['王小明', '李娜', '陈静', '测试客户00001', `测试客户${String(FILLER).padStart(5, '0')}`]) expect(names).toContain(name);
  expect(names).not.toContain('张伟');
  await expect(dialog).toBeHidden();

  // In English: the same file again, its mapping and preview (every row is a duplicate now), then
  // the first import undone from the history.
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
  await shot(page, testInfo, 'import-06-file-en');
  await chooseFile(page, file);
  await expect(page.getByTestId('mapping-target-0')).toContainText('Name');
  await shot(page, testInfo, 'import-07-mapping-en');
  // A double click on Next shows the preview: its second click, landing on Start where the
  // preview draws it under the pointer, is no click on Start, and nothing is imported.
  await secondClickLandsOn(page, page.getByTestId('import-next'), page.getByTestId('import-start'));
  await expect(page.getByTestId('import-step-preview')).toBeVisible();
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await expect(page.getByTestId('import-step-run')).toHaveCount(0);
  await expect(page.getByTestId('import-history').locator('.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('import-preview-table').getByTestId('preview-row').filter({ hasText: '李娜' }).getByTestId('preview-duplicate')).toContainText(
    'Duplicate of',
  );
  await shot(page, testInfo, 'import-08-preview-en');
  const history = page.getByTestId('import-history');
  await history.getByTestId('history-undo').first().click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await expect(history).toContainText('Undone', { timeout: 60_000 });
  await shot(page, testInfo, 'import-09-history-en');
  await page.getByRole('menuitem', { name: 'Contacts' }).click();
  await expect(page.getByTestId('list-row')).toHaveCount(0);
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toContainText('vCard');
  await shot(page, testInfo, 'export-02-dialog-en');
});
