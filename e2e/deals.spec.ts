// Opportunities as a salesperson works them, in Chinese then English: a new opportunity on the
// board, its card dragged across the stages to 赢单 (won), another dragged to 输单 (lost) with
// its reason, the list with totals, the opportunity's page with line items and stage history.
import { test, expect } from './fixtures';
import { column, drag, shot, startEmpty } from './helpers';




test('deals: create on the board, drag to won and lost, list totals, detail with lines', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  const co = await host.invoke<{ id: string }>('companies.create', { name: '杭州星河科技有限公司' });
  if (!co.ok) throw new Error('company not created');
  await host.invoke('products.save', { sku: 'SRV-01', name: '云服务器', unit: '台', price: 2_000_000 });
  await host.invoke('deals.create', { name: '宁波仓储系统', amount: 8_000_000, expectedClose: '2026-12-20', stageId: 'stage-default-3' });

  await page.getByRole('menuitem', { name: '商机' }).click();
  await expect(page.getByRole('heading', { name: '商机' })).toBeVisible();
  await expect(page.getByTestId('board-column')).toHaveCount(6);

  // A new opportunity, typed in.
  await page.getByTestId('new-button').click();
  const form = page.getByTestId('deal-form');
  await form.getByLabel('商机名称').fill('星河 ERP 升级');
  await form.getByLabel('所属公司').click();
  await page.keyboard.type('星河');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭州星河科技' }).click();
  await page.getByTestId('deal-amount').fill('120000');
  await form.getByLabel('竞争对手').fill('用友');
  await page.keyboard.press('Enter');
  await page.getByTestId('form-save').click();
  await expect(form).toBeHidden();

  const first = column(page, 'stage-default-1');
  const card = first.getByTestId('deal-card').filter({ hasText: '星河 ERP 升级' });
  await expect(card).toContainText('¥120,000.00');
  await expect(card).toContainText('杭州星河科技有限公司');
  await expect(first.getByTestId('column-count')).toHaveText('1 个');

  // Across the board, one stage at a time, then to 赢单.
  await drag(page, card, column(page, 'stage-default-2'));
  await expect(column(page, 'stage-default-2').getByTestId('deal-card').filter({ hasText: '星河 ERP 升级' })).toBeVisible();
  await drag(page, column(page, 'stage-default-2').getByTestId('deal-card').first(), column(page, 'stage-default-5'));
  const won = column(page, 'stage-default-5').getByTestId('deal-card').filter({ hasText: '星河 ERP 升级' });
  await expect(won).toBeVisible();
  await expect(column(page, 'stage-default-5').getByTestId('column-amount')).toHaveText('¥120,000.00');

  // The other one is lost: dropping it there asks why.
  await drag(page, column(page, 'stage-default-3').getByTestId('deal-card').first(), column(page, 'stage-default-6'));
  await page.getByTestId('lost-ok').click();
  await expect(page.getByText('请填写输单原因')).toBeVisible();
  await page.getByTestId('lost-reason').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '价格太高' }).click();
  await page.getByTestId('lost-ok').click();
  await expect(column(page, 'stage-default-6').getByTestId('deal-card')).toContainText('宁波仓储系统');
  await shot(page, 'deals-board-zh');

  // The list: totals of the whole filter.
  await page.getByTestId('deals-view').getByText('列表').click();
  await expect(page.getByTestId('list-row')).toHaveCount(2);
  await expect(page.getByTestId('deal-totals')).toContainText('¥200,000.00');
  await page.getByTestId('deal-status-filter').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '赢单' }).click();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(page.getByTestId('deal-totals')).toContainText('¥120,000.00');
  await page.getByRole('heading', { name: '商机' }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'deals-list-zh');

  // Its page: won, two stays and the current one in the history; line items make the amount.
  await page.getByTestId('list-row').getByRole('link', { name: '星河 ERP 升级' }).click();
  await expect(page.getByTestId('detail-name')).toHaveText('星河 ERP 升级');
  await expect(page.getByTestId('deal-status')).toHaveText('赢单');
  await expect(page.getByTestId('stage-history').locator('tbody tr')).toHaveCount(3);
  await page.getByTestId('line-add').click();
  await page.getByTestId('line-name').locator('input').fill('ERP 年度授权');
  await page.getByTestId('line-quantity').fill('3');
  await page.getByTestId('line-price').fill('50000');
  await page.getByTestId('line-discount').fill('10');
  await expect(page.getByTestId('lines-total')).toHaveText('¥135,000.00');
  // A second line from the catalogue: name, unit and price come with it.
  await page.getByTestId('line-add').click();
  await page.getByTestId('line-name').nth(1).locator('input').fill('云服');
  await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: '云服务器' }).click();
  await expect(page.getByTestId('line-price').nth(1)).toHaveValue('20000.00');
  await expect(page.getByTestId('lines-total')).toHaveText('¥155,000.00');
  await page.getByTestId('lines-save').click();
  await expect(page.getByTestId('deal-amount-value')).toHaveText('¥155,000.00');
  await expect(page.getByTestId('deal-facts')).toContainText('用友');
  await shot(page, 'deal-detail-zh');

  // Settings → 销售流程: the stages of the pipeline.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '销售流程' }).click();
  await page.getByTestId('pipeline-edit').click();
  await expect(page.getByTestId('stage-name')).toHaveCount(6);
  await expect(page.getByRole('dialog', { name: '编辑销售流程' })).not.toHaveClass(/ant-zoom/);
  await shot(page, 'pipeline-settings-zh');
  await page.keyboard.press('Escape');
  await page.goBack();

  // English.
  await host.invoke('app.setLocale', { locale: 'en' });
  await page.reload();
  await expect(page.getByTestId('deal-status')).toHaveText('Won');
  await expect(page.getByText('Stage history')).toBeVisible();
  await shot(page, 'deal-detail-en');
  // The edit drawer: a date and a note.
  await page.getByTestId('edit-button').click();
  const edit = page.getByTestId('deal-form');
  await expect(edit.getByLabel('Opportunity')).toHaveValue('星河 ERP 升级');
  await edit.getByLabel('Expected close').fill('2026-12-31');
  await edit.getByLabel('Expected close').press('Enter');
  await edit.getByLabel('Notes').fill('Signed at the trade fair');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('deal-facts')).toContainText('2026-12-31');
  await expect(page.getByTestId('deal-facts')).toContainText('Signed at the trade fair');
  await page.getByRole('menuitem', { name: 'Opportunities' }).click();
  await expect(column(page, 'stage-default-5').getByTestId('deal-card')).toContainText('¥155,000.00');
  await shot(page, 'deals-board-en');
  await page.getByTestId('deals-view').getByText('List').click();
  await expect(page.getByTestId('deal-totals')).toContainText('Weighted amount');
  await shot(page, 'deals-list-en');
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Pipelines' }).click();
  await page.getByTestId('pipeline-edit').click();
  await expect(page.getByTestId('stage-name')).toHaveCount(6);
  await expect(page.getByRole('dialog', { name: 'Edit pipeline' })).not.toHaveClass(/ant-zoom/);
  await shot(page, 'pipeline-settings-en');

  // To the Trash from its page, and back with Undo.
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('detail-name')).toHaveText('星河 ERP 升级');
  await page.getByTestId('delete-button').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('deals-page')).toBeVisible();
  await page.getByTestId('deal-undo-delete').click();
  await expect(page.getByTestId('detail-name')).toHaveText('星河 ERP 升级');
  await expect(page.getByTestId('deal-restore')).toHaveCount(0);
});

test('deals: a card moves by keyboard (Space, arrows, Space) and Enter opens it', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  await host.invoke('deals.create', { name: '键盘移动', amount: 100 });
  await page.getByRole('menuitem', { name: '商机' }).click();
  const card = column(page, 'stage-default-1').getByTestId('deal-card');
  await card.focus();
  await page.keyboard.press('Space');
  const step = (await column(page, 'stage-default-2').boundingBox())!.x - (await column(page, 'stage-default-1').boundingBox())!.x;
  // dnd-kit moves a picked-up card 25 px per arrow press.
  for (let i = 0; i < Math.ceil(step / 25); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  const moved = column(page, 'stage-default-2').getByTestId('deal-card');
  await expect(moved).toContainText('键盘移动');
  await moved.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-name')).toHaveText('键盘移动');
});
