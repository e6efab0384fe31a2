// The sales path of issue #4 as a salesperson walks it, across the screens: a lead typed in and
// converted in one step, its opportunity dragged across the board to won, products put on it, a
// quote made from it, accepted and turned into an order whose confirmation takes the stock; then a
// task due now on the home page, whose reminder appears. The domains' own specs go deeper.
import { test, expect } from './fixtures';
import { column, drag, pickerNow, shot, startEmpty } from './helpers';

const COMPANY = '苏州天工精密机械有限公司';




test('sales: lead → converted → won on the board → quote → order takes stock; a reminder due now', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await startEmpty(page);
  await expect(page.getByTestId('home-page')).toBeVisible();
  // The catalogue the shop already keeps; only task reminders in this test.
  await host.invoke('products.save', { sku: 'TG-200', name: '数控车床主轴', unit: '台', price: 4_500_000, stock: 12 });
  await host.invoke('reminders.saveSettings', { birthdays: false, holidays: [], timeOfDay: '09:00' });

  // A lead from a trade fair, converted in one step.
  await page.getByRole('menuitem', { name: '线索' }).click();
  await page.getByTestId('new-lead').click();
  const form = page.getByTestId('lead-form');
  await form.getByLabel('姓名').fill('周建国');
  await form.getByLabel('公司名称').fill(COMPANY);
  await form.getByLabel('手机').fill('139 1234 5601');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('lead-status')).toHaveText('新线索');
  await page.getByTestId('convert-button').click();
  await page.getByTestId('convert-amount').fill('90000');
  await page.getByTestId('convert-ok').click();
  await expect(page.getByTestId('lead-status')).toHaveText('已转化');

  // Its opportunity, across the board to 赢单.
  await page.getByRole('menuitem', { name: '商机' }).click();
  const card = column(page, 'stage-default-1').getByTestId('deal-card').filter({ hasText: COMPANY });
  await expect(card).toContainText('¥90,000.00');
  await drag(page, card, column(page, 'stage-default-3'));
  await expect(column(page, 'stage-default-3').getByTestId('deal-card').filter({ hasText: COMPANY })).toBeVisible();
  await drag(page, column(page, 'stage-default-3').getByTestId('deal-card').filter({ hasText: COMPANY }), column(page, 'stage-default-5'));
  const won = column(page, 'stage-default-5').getByTestId('deal-card').filter({ hasText: COMPANY });
  await expect(won).toBeVisible();
  await shot(page, 'sales-board-won-zh');

  // What was sold: two spindles from the catalogue.
  await won.click();
  await expect(page.getByTestId('deal-status')).toHaveText('赢单');
  await expect(page.getByTestId('stage-history').locator('tbody tr')).toHaveCount(3);
  await page.getByTestId('line-add').click();
  await page.getByTestId('line-name').locator('input').fill('数控');
  await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: '数控车床主轴' }).click();
  await page.getByTestId('line-quantity').fill('2');
  await expect(page.getByTestId('lines-total')).toHaveText('¥90,000.00');
  await page.getByTestId('lines-save').click();
  await expect(page.getByTestId('deal-amount-value')).toHaveText('¥90,000.00');
  await shot(page, 'sales-deal-zh');

  // A quote from it, accepted; the order, confirmed.
  await page.getByTestId('make-quote').click();
  await expect(page.getByTestId('quote-status')).toHaveText('草稿');
  await expect(page.getByTestId('quote-customer')).toHaveText(`${COMPANY} · 周建国`);
  await page.getByTestId('quote-sent').click();
  await page.getByTestId('quote-accepted').click();
  await expect(page.getByTestId('quote-status')).toHaveText('已接受');
  await page.getByTestId('quote-make-order').click();
  await expect(page.getByTestId('order-status')).toHaveText('待确认');
  await page.getByTestId('order-confirmed').click();
  await expect(page.getByTestId('order-status')).toHaveText('已确认');
  await shot(page, 'sales-order-zh');

  // The stock fell by what was confirmed.
  await page.getByRole('menuitem', { name: '产品' }).click();
  await expect(page.getByTestId('stock-TG-200')).toHaveText('10');

  // A call to make now: its reminder appears.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('quick-add-title').fill('给周总回电话确认交期');
  await page.getByTestId('quick-add-due').click();
  await page.keyboard.type(pickerNow());
  await page.keyboard.press('Enter');
  await page.getByTestId('quick-add-submit').click();
  await expect(page.getByTestId('reminder').filter({ hasText: '给周总回电话确认交期' })).toBeVisible();
  await page.waitForTimeout(400); // the notification's entrance
  await shot(page, 'sales-reminder-zh');
});
