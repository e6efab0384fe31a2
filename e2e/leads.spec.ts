// Leads as a salesperson works them, in Chinese then English: a lead typed in, a follow-up
// (the lead becomes 已联系), an overdue lead in red, the lead converted in one step into a
// company, a contact (with the follow-up on its timeline) and an opportunity.
import { test, expect } from './fixtures';
import { shot, startEmpty } from './helpers';

const COMPANY = '杭州星河科技有限公司';


test('leads: create, follow up, convert', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  // An old lead whose follow-up is overdue (set up through the contract).
  await host.invoke('leads.create', { name: '赵敏', companyName: '宁波海联贸易', source: '网站', nextFollowUpAt: '2026-01-05T02:00:00Z' });

  await page.getByRole('menuitem', { name: '线索' }).click();
  await expect(page.getByRole('heading', { name: '线索' })).toBeVisible();
  await expect(page.getByTestId('list-row').filter({ hasText: '赵敏' }).getByTestId('lead-overdue')).toBeVisible();

  // A new lead, in Chinese.
  await page.getByTestId('new-lead').click();
  const form = page.getByTestId('lead-form');
  await form.getByLabel('姓名').fill('王芳');
  await form.getByLabel('公司名称').fill(COMPANY);
  await form.getByLabel('职位').fill('采购经理');
  await form.getByLabel('手机').fill('139 0571 2345');
  await form.getByLabel('来源').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '展会' }).click();
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('detail-name')).toHaveText('王芳');
  await expect(page.getByTestId('lead-status')).toHaveText('新线索');
  await expect(page.getByTestId('lead-facts')).toContainText('13905712345');

  // A follow-up: the lead has been contacted.
  await page.getByTestId('activity-form').getByLabel('内容').fill('电话沟通，对年度采购有兴趣，下周寄样品');
  await page.getByTestId('activity-submit').click();
  await expect(page.getByTestId('activity-item')).toContainText('下周寄样品');
  await expect(page.getByTestId('lead-status')).toHaveText('已联系');
  await shot(page, 'lead-detail-zh');

  // The list: the new lead and the overdue one.
  await page.getByRole('menuitem', { name: '线索' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: '王芳' })).toContainText('已联系');
  await shot(page, 'leads-list-zh');
  await page.getByTestId('lead-overdue-filter').click();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(page.getByTestId('list-row')).toContainText('赵敏');
  await page.getByTestId('lead-overdue-filter').click();

  // Convert in one step.
  await page.getByTestId('list-row').filter({ hasText: '王芳' }).getByTestId('lead-row-name').click();
  await page.getByTestId('convert-button').click();
  await page.getByTestId('convert-amount').fill('58000');
  await expect(page.getByRole('dialog', { name: '转化线索' })).toBeVisible();
  await page.waitForTimeout(400); // the modal's opening animation
  await shot(page, 'lead-convert-zh');
  await page.getByTestId('convert-ok').click();
  await expect(page.getByTestId('lead-status')).toHaveText('已转化');

  // The new contact, with the follow-up on its timeline, and its company.
  await page.getByTestId('open-converted-contact').click();
  await expect(page.getByTestId('detail-name')).toHaveText('王芳');
  await expect(page.getByTestId('record-facts')).toContainText(COMPANY);
  await expect(page.getByTestId('activity-item')).toContainText('下周寄样品');
  await page.goBack();
  await page.getByTestId('open-converted-company').click();
  await expect(page.getByTestId('detail-name')).toHaveText(COMPANY);

  // English.
  await host.invoke('app.setLocale', { locale: 'en' });
  await page.reload();
  await page.getByRole('menuitem', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
  await expect(page.getByTestId('list-row').filter({ hasText: '王芳' })).toContainText('Converted');
  await shot(page, 'leads-list-en');
  await page.getByTestId('list-row').filter({ hasText: '赵敏' }).getByTestId('lead-row-name').click();
  // The list's rows carry status tags too: wait for the lead's own page.
  await expect(page.getByTestId('lead-detail')).toBeVisible();
  await expect(page.getByTestId('lead-status')).toHaveText('New');
  await shot(page, 'lead-detail-en');
});

test('leads: sources in settings, duplicate warning, assign, mark invalid', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  await host.invoke('leads.create', { name: '钱进', mobile: '13600001111' });
  await host.invoke('leads.create', { name: '孙悦', companyName: '苏州园林设计院' });

  // A new lead source, edited in Settings.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '来源与原因' }).click();
  const sources = page.getByTestId('picklist-lead_source');
  await sources.getByRole('button', { name: '新增选项' }).click();
  await page.getByTestId('picklist-form-lead_source').getByLabel('名称').fill('抖音');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(sources.getByRole('cell', { name: '抖音' })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot(page, 'lead-settings-zh');

  // The same mobile as a lead we have: warned, then saved anyway, with the new source.
  await page.getByRole('menuitem', { name: '线索' }).click();
  await page.getByTestId('new-lead').click();
  const form = page.getByTestId('lead-form');
  await form.getByLabel('姓名').fill('钱小进');
  await form.getByLabel('手机').fill('13600001111');
  await form.getByLabel('来源').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '抖音' }).click();
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('duplicate-alert')).toContainText('钱进');
  await page.getByTestId('save-anyway').click();
  await expect(page.getByTestId('detail-name')).toHaveText('钱小进');

  // Both older leads assigned round-robin.
  await page.getByRole('menuitem', { name: '线索' }).click();
  await page.getByTestId('list-row').filter({ hasText: '钱进' }).getByRole('checkbox').click();
  await page.getByTestId('list-row').filter({ hasText: '孙悦' }).getByRole('checkbox').click();
  await page.getByTestId('assign-button').click();
  await page.getByTestId('assign-round-robin').click();
  await page.getByTestId('assign-ok').click();
  await expect(page.getByText('已分配 2 条线索')).toBeVisible();

  // Invalid needs a reason.
  await page.getByTestId('list-row').filter({ hasText: '孙悦' }).getByTestId('lead-row-name').click();
  await page.getByTestId('invalid-button').click();
  await page.getByTestId('invalid-ok').click();
  await expect(page.getByRole('dialog')).toContainText('请填写无效原因');
  await page.getByTestId('invalid-reason').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '没有需求' }).click();
  await page.getByTestId('invalid-ok').click();
  await expect(page.getByTestId('lead-status')).toHaveText('无效');
  await expect(page.getByTestId('lead-facts')).toContainText('没有需求');
  await expect(page.getByTestId('convert-button')).toHaveCount(0);
  await shot(page, 'lead-invalid-zh');
  await page.getByTestId('reopen-button').click();
  await expect(page.getByTestId('lead-status')).toHaveText('跟进中');

  // Edit: the drawer opens with the lead's values.
  await page.getByTestId('edit-button').click();
  const edit = page.getByTestId('lead-form');
  await expect(edit.getByLabel('公司名称')).toHaveValue('苏州园林设计院');
  await edit.getByLabel('职位').fill('院长助理');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('lead-facts')).toContainText('院长助理');
});
