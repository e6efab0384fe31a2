// Products, quotes and orders as a shop owner works them, in Chinese then English: a product with
// stock typed in, a quote with that product (searched in the lines), sent and accepted, an order
// made from it and confirmed, the product's stock falling on the products page; an order for more
// than is on hand is refused with the product named; cancelling the confirmed order returns the
// stock. Each screen (and the quote's print view) is kept as a screenshot.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startEmpty } from './helpers';

const SHOTS = process.env.KEHU_SHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/orders-${name}.png`, fullPage: true, animations: 'disabled', style: '.ant-message { display: none !important; }' });
}

async function printShot(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-sider')).toBeHidden();
  await expect(page.getByTestId('quote-print')).toBeHidden();
  await shot(page, name);
  await page.emulateMedia({ media: 'screen' });
}

const option = (page: Page, text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

test('orders: product with stock, quote, accept, order, confirm, stock falls', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  const company = await host.invoke<{ id: string }>('companies.create', { name: '杭州星河科技有限公司' });
  if (!company.ok) throw new Error('company not created');
  await host.invoke('products.save', { sku: 'XH-OLD', name: '旧款门锁', price: 59900, stock: 0, active: false });
  await host.invoke('products.save', { sku: 'XH-SVC', name: '上门安装', unit: '次', price: 20000, stock: 0, allowBackorder: true });

  // A product typed in.
  await page.getByRole('menuitem', { name: '产品' }).click();
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-sku').fill('XH-100');
  await page.getByTestId('product-name').fill('智能门锁');
  await page.getByTestId('product-price').fill('1299');
  await page.getByTestId('product-stock').fill('10');
  await shot(page, 'product-form-zh');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('stock-XH-100')).toHaveText('10');
  // The same SKU again is refused on its field.
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-sku').fill('xh-100');
  await page.getByTestId('product-name').fill('重复');
  await page.getByTestId('product-price').fill('1');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('product-form')).toContainText('编码 xh-100 已被其他产品使用');
  await page.locator('.ant-drawer-footer').getByRole('button', { name: /取\s*消/ }).click();
  await page.getByTestId('product-search').locator('input').fill('znms');
  await page.getByTestId('product-search').locator('input').press('Enter');
  await expect(page.getByTestId('product-list').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('product-search').locator('input').fill('');
  await page.getByTestId('product-search').locator('input').press('Enter');
  await expect(page.getByTestId('product-list').locator('tbody tr.ant-table-row')).toHaveCount(3);
  // Deleted, found under 已删除, restored.
  const list = page.getByTestId('product-list');
  await list.locator('tbody tr', { hasText: 'XH-OLD' }).getByRole('button', { name: /删\s*除/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(list.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await page.getByText('已删除', { exact: true }).click();
  await list.locator('tbody tr', { hasText: 'XH-OLD' }).getByRole('button', { name: /恢\s*复/ }).click();
  await expect(list.locator('tbody tr.ant-table-row')).toHaveCount(0);
  await page.getByText('全部', { exact: true }).click();
  await expect(list.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await shot(page, 'products-zh');

  // A quote from an opportunity (set up through the contract), for the list.
  const products = await host.invoke<{ items: { id: string; sku: string }[] }>('products.list', { q: 'XH-100' });
  if (!products.ok) throw new Error('no products');
  const lockId = products.data.items[0].id;
  const deal = await host.invoke<{ id: string }>('deals.create', {
    name: '星河办公楼门禁',
    companyId: company.data.id,
    lines: [{ productId: lockId, name: '智能门锁', unit: '个', quantity: 2, unitPrice: 129900 }],
  });
  if (!deal.ok) throw new Error('deal not created');
  await host.invoke('quotes.createFromOpportunity', { opportunityId: deal.data.id });

  // A quote typed in: the product found in the lines, tax 13 %.
  await page.getByRole('menuitem', { name: '订单' }).click();
  await page.getByTestId('quote-new').click();
  const form = page.getByTestId('quote-form');
  await form.getByLabel('所属公司').click();
  await page.keyboard.type('星河');
  await option(page, '杭州星河科技').click();
  await form.getByTestId('line-name').click();
  await page.keyboard.type('门锁');
  await option(page, 'XH-100').click();
  await form.getByTestId('line-quantity').fill('3');
  await page.getByTestId('line-add').click();
  await form.getByTestId('line-name').nth(1).click();
  await page.keyboard.type('安装');
  await option(page, 'XH-SVC').click();
  await page.getByTestId('quote-tax-rate').fill('13');
  await page.getByTestId('quote-discount').fill('97');
  // (3 × 1,299 + 200 − 97) × 1.13 = 4,520.00
  await expect(form.getByTestId('grand-total')).toHaveText('¥4,520.00');
  await shot(page, 'quote-form-zh');
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('quote-number')).toContainText('Q-');
  await expect(page.getByTestId('quote-status')).toHaveText('草稿');
  await expect(page.getByTestId('quote-customer')).toHaveText('杭州星河科技有限公司');
  await expect(page.getByTestId('grand-total')).toHaveText('¥4,520.00');

  await page.getByTestId('quote-sent').click();
  await expect(page.getByTestId('quote-status')).toHaveText('已发送');
  await page.getByTestId('quote-accepted').click();
  await expect(page.getByTestId('quote-status')).toHaveText('已接受');
  await shot(page, 'quote-zh');
  await printShot(page, 'quote-print-zh');

  // The order, confirmed: stock reserved.
  await page.getByTestId('quote-make-order').click();
  await expect(page.getByTestId('order-status')).toHaveText('待确认');
  await expect(page.getByTestId('order-stock')).toContainText('订单确认后');
  await page.getByTestId('order-confirmed').click();
  await expect(page.getByTestId('order-status')).toHaveText('已确认');
  const lock = page.getByTestId('stock-product').filter({ hasText: '智能门锁' });
  await expect(lock.getByTestId('stock-move-reserved')).toHaveText('确认时预留 −3 个');
  await expect(lock).toContainText('当前库存 7 个');
  await shot(page, 'order-zh');

  await page.getByRole('menuitem', { name: '产品' }).click();
  await expect(page.getByTestId('stock-XH-100')).toHaveText('7');

  // More than is on hand: refused, the product named, nothing reserved.
  const big = await host.invoke<{ id: string }>('quotes.create', { companyId: company.data.id, lines: [{ productId: lockId, name: '智能门锁', quantity: 20, unitPrice: 129900 }] });
  if (!big.ok) throw new Error('quote not created');
  await host.invoke('quotes.setStatus', { id: big.data.id, status: 'sent' });
  await host.invoke('quotes.setStatus', { id: big.data.id, status: 'accepted' });
  const bigOrder = await host.invoke<{ id: string }>('orders.createFromQuote', { quoteId: big.data.id });
  if (!bigOrder.ok) throw new Error('order not created');
  await page.goto(`${host.origin}#/orders/${bigOrder.data.id}`);
  await page.getByTestId('order-confirmed').click();
  await expect(page.locator('.ant-message')).toContainText('库存不足，无法确认订单：智能门锁（XH-100）需要 20 个，现有 7 个');
  await expect(page.getByTestId('order-status')).toHaveText('待确认');

  await page.getByRole('menuitem', { name: '订单' }).click();
  await expect(page.getByTestId('quote-list').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await shot(page, 'quotes-zh');
  await page.getByRole('tab', { name: '订单' }).click();
  await expect(page.getByTestId('order-list').locator('tbody tr.ant-table-row')).toHaveCount(2);
  await shot(page, 'orders-zh');

  // English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Orders' })).toBeVisible();
  await shot(page, 'orders-en');
  await page.getByRole('tab', { name: 'Quotes' }).click();
  await shot(page, 'quotes-en');
  await page.getByTestId('quote-list').locator('tbody tr', { hasText: '星河办公楼门禁' }).click();
  // The list's rows carry status tags too: wait until the quote's own page has replaced it.
  await expect(page.getByTestId('quote-list')).toBeHidden();
  await expect(page.getByTestId('quote-status')).toHaveText('Draft');
  await page.getByTestId('quote-edit').click();
  await expect(page.getByTestId('quote-form')).toBeVisible();
  await shot(page, 'quote-form-en');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await shot(page, 'quote-en');
  await printShot(page, 'quote-print-en');
  await page.goto(`${host.origin}#/orders/${bigOrder.data.id}`);
  await page.getByTestId('order-confirmed').click();
  await expect(page.locator('.ant-message')).toContainText('Not enough stock to confirm: 智能门锁 (XH-100) needs 20 个, 7 个 available');
  await page.getByRole('menuitem', { name: 'Orders' }).click();
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByTestId('order-list').locator('tbody tr', { hasText: 'Confirmed' }).click();
  await expect(lock.getByTestId('stock-move-reserved')).toHaveText('Reserved on confirmation −3 个');
  await shot(page, 'order-en');
  // Cancelling the confirmed order gives its stock back.
  await page.getByTestId('order-cancel').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  await expect(lock.getByTestId('stock-move-returned')).toHaveText('Returned on cancelling +3 个');
  await expect(lock).toContainText('Stock now 10 个');
  await shot(page, 'order-cancelled-en');
  await page.getByRole('menuitem', { name: 'Products' }).click();
  await expect(page.getByTestId('stock-XH-100')).toHaveText('10');
  await shot(page, 'products-en');
  await page.getByTestId('product-edit-XH-100').click();
  await expect(page.getByTestId('product-sku')).toHaveValue('XH-100');
  await expect(page.getByTestId('product-stock')).toHaveValue('10');
  await shot(page, 'product-form-en');
});
