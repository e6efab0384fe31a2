// Makes the README's screenshots (docs/screenshots/) from the real app with sample data:
//   npx electron-vite build && npx tsx scripts/readme-screenshots.ts
// Needs Debian's chromium (/usr/bin/chromium) and a CJK font (fonts-noto-cjk or fonts-wqy-microhei).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServe } from '../e2e/fixtures';

const OUT = 'docs/screenshots';
const dataDir = mkdtempSync(join(tmpdir(), 'kehu-shots-'));

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, `${name}.png`), style: '.ant-message { display: none !important; }' });
  console.log(`${OUT}/${name}.png`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const { url, child } = await startServe(dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(url);
    // First start: an administrator with a password, so the database is encrypted.
    await page.getByLabel('姓名').waitFor();
    await shoot(page, 'setup-zh');
    await page.getByLabel('姓名').fill('李娜');
    await page.getByLabel('登录名').fill('lina');
    await page.getByLabel('密码', { exact: true }).fill('kehu-demo-2026');
    await page.getByLabel('确认密码').fill('kehu-demo-2026');
    await page.getByRole('button', { name: /创建管理员并加密/ }).click();
    // The sample's due reminders would stack over the navigation: not what these pictures show.
    await page.addStyleTag({ content: '.ant-notification { display: none !important; }' });
    await page.getByRole('button', { name: /载入示例数据/ }).click();
    await page.getByTestId('home-page').waitFor();
    await shoot(page, 'home-zh');
    await page.getByRole('menuitem', { name: '商机' }).click();
    await page.getByTestId('deal-card').first().waitFor();
    await shoot(page, 'deals-board-zh');
    await page.getByRole('menuitem', { name: '联系人' }).click();
    await page.waitForSelector('text=已加载');
    await shoot(page, 'contacts-zh');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('zw');
    await shoot(page, 'search-zh');
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '客户/公司' }).click();
    await page.waitForSelector('text=已加载');
    await page.locator('a').filter({ hasText: '有限公司' }).first().click();
    await page.getByText('English', { exact: true }).click();
    await shoot(page, 'company-detail-en');
    await page.getByRole('menuitem', { name: 'Sync' }).click();
    await shoot(page, 'sync-en');
    await page.getByRole('menuitem', { name: 'Forecast' }).click();
    await page.locator('canvas').first().waitFor();
    await shoot(page, 'forecast-en');
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shoot(page, 'audit-en');
  } finally {
    await browser.close();
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
