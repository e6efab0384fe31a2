// The customer flows as a person does them, in Chinese then English: create a company and a
// contact, find the contact by pinyin initials, edit, tag, add a visit, delete and restore from
// the Trash, merge two duplicates, switch the interface to English. Each main screen is kept as
// a screenshot (attached to the report and written under test-results/screens/).
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { startEmpty } from './helpers';

const COMPANY = '深圳市华强电子有限公司';

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // Passing toasts are hidden so each picture shows the screen itself.
  const body = await page.screenshot({ path: `test-results/screens/${name}.png`, style: '.ant-message { display: none !important; }' });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

test('customers end to end', async ({ page, host }, testInfo) => {
  await page.goto(host.url);

  // First run: start with an empty database.
  await expect(page.getByRole('dialog', { name: '欢迎使用客户管理' })).toBeVisible();
  await shot(page, testInfo, '01-first-run');
  await startEmpty(page);
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByRole('heading', { name: '客户/公司' })).toBeVisible();

  // A company.
  await page.getByTestId('new-button').click();
  const companyForm = page.getByTestId('company-form');
  await companyForm.getByLabel('公司名称').fill(COMPANY);
  await companyForm.getByLabel('电话').fill('0755 8321 2345');
  await companyForm.getByLabel('城市').fill('深圳');
  await companyForm.getByLabel('客户类别').click();
  await pickOption(page, '重要客户');
  await shot(page, testInfo, '02-company-form');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('detail-name')).toHaveText(COMPANY);
  await expect(page.getByTestId('record-facts')).toContainText('0755-83212345');

  // A contact at that company, with a mobile typed the way people type it.
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await page.getByTestId('new-button').click();
  const contactForm = page.getByTestId('contact-form');
  await contactForm.getByLabel('姓名').fill('张伟');
  await contactForm.getByLabel('手机号码 1').fill('138 1234 5678');
  await contactForm.getByLabel('所属公司').click();
  await page.keyboard.type('华强');
  await pickOption(page, COMPANY);
  await shot(page, testInfo, '03-contact-form');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('detail-name')).toHaveText('张伟');
  await expect(page.getByTestId('record-facts')).toContainText('13812345678');
  await expect(page.getByTestId('record-facts')).toContainText(COMPANY);

  // The list shows it.
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: '张伟' })).toBeVisible();
  await shot(page, testInfo, '04-contacts-list');

  // Found by pinyin initials in the global search (Ctrl+K), opened with Enter.
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('zw');
  await expect(page.getByRole('option').filter({ hasText: '张伟' })).toBeVisible();
  await shot(page, testInfo, '05-global-search');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-name')).toHaveText('张伟');

  // Edit.
  await page.getByTestId('edit-button').click();
  await page.getByTestId('contact-form').getByLabel('职位').fill('采购经理');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('record-facts')).toContainText('采购经理');

  // Tag: a new tag made on the spot.
  await page.getByTestId('tag-editor').getByRole('combobox').click();
  await page.keyboard.type('VIP客户');
  await pickOption(page, '新建标签「VIP客户」');
  await expect(page.getByTestId('tag-editor').locator('.ant-tag', { hasText: 'VIP客户' })).toBeVisible();

  // A visit on the timeline.
  const timeline = page.getByTestId('timeline');
  await timeline.getByText('拜访', { exact: true }).click();
  await timeline.getByLabel('内容').fill('上门拜访，讨论下季度订单');
  await page.getByTestId('activity-submit').click();
  await expect(timeline.getByTestId('activity-item').filter({ hasText: '上门拜访，讨论下季度订单' })).toContainText('拜访');
  await shot(page, testInfo, '06-contact-detail');

  // Delete, then restore from the Trash.
  await page.getByTestId('delete-button').click();
  await expect(page.getByTestId('deleted-message')).toContainText('撤销');
  await expect(page.getByTestId('list-row').filter({ hasText: '张伟' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '回收站' }).click();
  const trashed = page.getByTestId('trash-list').getByTestId('list-row').filter({ hasText: '张伟' });
  await expect(trashed).toBeVisible();
  await shot(page, testInfo, '07-trash');
  await trashed.getByRole('button', { name: '恢复' }).click();
  await expect(trashed).toHaveCount(0);
  await page.getByRole('menuitem', { name: '联系人' }).click();
  const row = page.getByTestId('list-row').filter({ hasText: '张伟' });
  await expect(row).toBeVisible();

  // Delete from the list with the Delete key, then Undo from the message.
  await row.click();
  await page.keyboard.press('Delete');
  await expect(row).toHaveCount(0);
  await page.getByTestId('deleted-message').last().getByRole('button', { name: '撤销' }).click();
  await expect(row).toBeVisible();

  // A duplicate (same mobile) is flagged before saving; merge it into the first one.
  await page.getByTestId('new-button').click();
  const dupForm = page.getByTestId('contact-form');
  await dupForm.getByLabel('姓名').fill('张伟');
  await dupForm.getByLabel('职位').fill('销售总监');
  await dupForm.getByLabel('手机号码 1').fill('+86 138-1234-5678');
  // Flagged when the number is left: the alert moves the form down, so the next click waits for it
  // (a click that left the field while the alert came in missed the button on a busy machine).
  await dupForm.getByLabel('手机号码 1').blur();
  const alert = page.getByTestId('duplicate-alert');
  await expect(alert).toContainText('手机号相同');
  await dupForm.getByRole('button', { name: '添加手机号' }).click();
  await dupForm.getByLabel('手机号码 2').fill('139 8765 4321');
  await page.getByTestId('form-save').click();
  await expect(alert).toContainText('手机号相同');
  await alert.getByRole('button', { name: '合并' }).click();
  await expect(page.getByTestId('merge-page')).toBeVisible();
  await page.getByRole('radio', { name: '职位 销售总监' }).check();
  // Numbers are kept from both records unless one side is picked.
  await expect(page.getByTestId('merge-both-mobiles')).toBeChecked();
  await expect(page.getByTestId('merge-result-mobiles')).toHaveText('13812345678、13987654321');
  await shot(page, testInfo, '08-merge');
  await page.getByTestId('merge-submit').click();
  await expect(page.getByTestId('detail-name')).toHaveText('张伟');
  await expect(page.getByTestId('record-facts')).toContainText('销售总监');
  await expect(page.getByTestId('record-facts')).toContainText('13812345678、13987654321');
  await expect(page.getByTestId('timeline').getByTestId('activity-item')).toHaveCount(1);
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: '张伟' })).toHaveCount(1);

  // Settings.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('cell', { name: 'VIP客户' })).toBeVisible();
  await shot(page, testInfo, '09-settings');

  // English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Contacts' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Companies' }).click();
  await expect(page.getByRole('heading', { name: 'Companies' })).toBeVisible();
  await expect(page.getByTestId('list-row').filter({ hasText: COMPANY })).toContainText('Key account');
  await shot(page, testInfo, '10-companies-en');
  await page.getByTestId('list-row').filter({ hasText: COMPANY }).getByRole('link').click();
  await expect(page.getByText('Contacts at this company')).toBeVisible();
  await shot(page, testInfo, '11-company-detail-en');

  // The choice is kept: a reload comes back in English.
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Trash' })).toBeVisible();
});
