// Sync by file between two devices, as people do it: two running hosts with their own data folders
// (the office PC and a laptop), each in its own browser. A contact made on the office PC travels to
// the laptop in a downloaded file chosen through the file chooser; then both edit the same field,
// exchange files both ways, the laptop resolves the conflict in its inbox and after one more
// exchange both show the same value. The sync screen is kept as screenshots (zh and en) under
// test-results/screens/.
import type { Browser, Page, TestInfo } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { startEmpty } from './helpers';

const NAME = '李娜';
let exports = 0;

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // The content scrolls inside the layout: grow the window to the whole screen for the picture.
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => 56 + (document.querySelector('.app-content')?.scrollHeight ?? 0));
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  const body = await page.screenshot({ path: `test-results/screens/${name}.png`, style: '.ant-message { display: none !important; }' });
  await page.setViewportSize(size);
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** Opens a host in a browser context of its own (both hosts are on 127.0.0.1; cookies ignore ports). */
async function openDevice(browser: Browser, host: HostFixture): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openEmpty(page, host);
  return page;
}

async function openEmpty(page: Page, host: HostFixture) {
  await page.goto(host.url);
  await startEmpty(page);
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByRole('heading', { name: '客户/公司' })).toBeVisible();
}

async function openSync(page: Page) {
  await page.getByRole('menuitem', { name: '同步' }).click();
  await expect(page.getByTestId('sync-this-device')).toBeVisible();
}

async function renameDevice(page: Page, name: string) {
  await openSync(page);
  await page.getByTestId('device-name').click();
  const box = page.getByTestId('sync-this-device').locator('textarea');
  await box.fill(name);
  await box.press('Enter');
  await expect(page.getByTestId('device-name')).toHaveText(name);
}

/** Exports for the device chosen in the form (a new device when none is known); returns the file. */
async function exportFile(page: Page, testInfo: TestInfo, label: string, passphrase = ''): Promise<string> {
  await openSync(page);
  const card = page.getByTestId('sync-export');
  await expect(card.locator('.ant-select')).toContainText(label);
  await card.getByLabel('密码（可选）').fill(passphrase);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('export-button').click()]);
  const file = testInfo.outputPath(`${++exports}`, download.suggestedFilename());
  await download.saveAs(file);
  await expect(card.getByTestId('export-result')).toBeVisible();
  return file;
}

/** Chooses the file through the file chooser and imports it; returns the result box. */
async function importFile(page: Page, file: string, passphrase = '') {
  await openSync(page);
  const card = page.getByTestId('sync-import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByTestId('import-choose').click()]);
  await chooser.setFiles(file);
  await card.getByLabel('密码', { exact: true }).fill(passphrase);
  await card.getByTestId('import-button').click();
  await expect(card.getByTestId('import-result').or(card.getByTestId('import-error'))).toBeVisible();
  return card;
}

async function openContact(page: Page) {
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await page.getByTestId('list-row').filter({ hasText: NAME }).getByRole('link').click();
  await expect(page.getByTestId('detail-name')).toHaveText(NAME);
}

async function setTitle(page: Page, title: string) {
  await openContact(page);
  await page.getByTestId('edit-button').click();
  await page.getByTestId('contact-form').getByLabel('职位').fill(title);
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('record-facts')).toContainText(title);
}

test('two devices sync by file and resolve a conflict', async ({ page: office, host, host2, browser }, testInfo) => {
  test.setTimeout(120_000);
  await openEmpty(office, host);
  const laptop = await openDevice(browser, host2);
  try {
    // The office PC: a contact, and a name for the device.
    await office.getByRole('menuitem', { name: '联系人' }).click();
    await office.getByTestId('new-button').click();
    const form = office.getByTestId('contact-form');
    await form.getByLabel('姓名').fill(NAME);
    await form.getByLabel('手机号码 1').fill('139 0101 2323');
    await form.getByLabel('职位').fill('采购');
    await office.getByTestId('form-save').click();
    await expect(office.getByTestId('detail-name')).toHaveText(NAME);
    await renameDevice(office, '办公室电脑');
    await expect(office.getByTestId('sync-devices')).toContainText('还没有与其他设备同步过');

    // Export for a new device: a full snapshot, downloaded.
    const snapshot = await exportFile(office, testInfo, '新设备');

    // The laptop imports it through the file chooser and sees the contact.
    await renameDevice(laptop, '笔记本');
    const imported = await importFile(laptop, snapshot);
    await expect(imported.getByTestId('import-result')).toContainText('办公室电脑');
    await expect(laptop.getByTestId('sync-devices')).toContainText('办公室电脑');
    await expect(laptop.getByTestId('sync-history')).toContainText('导入');
    await openContact(laptop);
    await expect(laptop.getByTestId('record-facts')).toContainText('13901012323');

    // Both edit the same field before they meet again: the office first, then the laptop.
    await setTitle(office, '采购经理');
    await setTitle(laptop, '销售总监');

    // Laptop → office (the laptop knows the office now).
    const fromLaptop = await exportFile(laptop, testInfo, '办公室电脑');
    // Its own file is refused on the laptop, with a clear message and nothing changed.
    const refused = await importFile(laptop, fromLaptop);
    await expect(refused.getByTestId('import-error')).toContainText('本机自己导出');
    await shot(laptop, testInfo, 'sync-01-refused-own-file');
    await importFile(office, fromLaptop);
    await expect(office.getByTestId('sync-devices')).toContainText('笔记本');

    // Office → laptop: the laptop's inbox holds the concurrent edit.
    const fromOffice = await exportFile(office, testInfo, '笔记本');
    const merged = await importFile(laptop, fromOffice);
    await expect(merged.getByTestId('import-result')).toContainText('办公室电脑');
    const inbox = laptop.getByTestId('sync-conflicts');
    const conflict = inbox.getByTestId('conflict-item').filter({ hasText: NAME }).filter({ hasText: '职位' });
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByTestId('conflict-local')).toContainText('销售总监');
    await expect(conflict.getByTestId('conflict-remote')).toContainText('采购经理');
    await shot(laptop, testInfo, 'sync-02-conflict-zh');

    // The laptop keeps theirs: the conflict leaves the inbox and the contact takes that value.
    await conflict.getByRole('button', { name: '采用对方值' }).click();
    await expect(conflict).toHaveCount(0);
    await openContact(laptop);
    await expect(laptop.getByTestId('record-facts')).toContainText('采购经理');

    // One more exchange, laptop → office, this time with a passphrase: without it the file is
    // refused, with it both show the same value.
    const locked = await exportFile(laptop, testInfo, '办公室电脑', '青山绿水');
    const noPass = await importFile(office, locked);
    await expect(noPass.getByTestId('import-error')).toContainText('密码不正确或未填写密码');
    const unlocked = await importFile(office, locked, '青山绿水');
    await expect(unlocked.getByTestId('import-result')).toContainText('笔记本');
    await openContact(office);
    await expect(office.getByTestId('record-facts')).toContainText('采购经理');
    await expect(office.getByTestId('record-facts')).not.toContainText('销售总监');
    await openContact(laptop);
    await expect(laptop.getByTestId('record-facts')).toContainText('采购经理');

    // The office's sync screen, in Chinese then in English.
    await openSync(office);
    await expect(office.getByTestId('sync-history')).toContainText('导出');
    await shot(office, testInfo, 'sync-03-office-zh');
    await office.getByText('English', { exact: true }).click();
    await expect(office.getByRole('heading', { name: 'Sync', exact: true })).toBeVisible();
    await expect(office.getByTestId('sync-devices')).toContainText('Last imported from it');
    await shot(office, testInfo, 'sync-04-office-en');
  } finally {
    await laptop.context().close();
  }
});
