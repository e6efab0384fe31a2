// The Trash beyond customers: a deleted lead shows on the 线索 tab and comes back; the tab is
// there in English too.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { shot, startEmpty } from './helpers';

/** Switches the Trash to a kind and waits for the switch's sliding thumb to settle on it. */
async function showKind(page: Page, label: string): Promise<void> {
  const kinds = page.getByTestId('trash-kinds');
  await kinds.getByText(label, { exact: true }).click();
  await expect(kinds.locator('.ant-segmented-item-selected')).toHaveText(label);
  await expect(kinds.locator('.ant-segmented-thumb')).toHaveCount(0);
}

test('trash: a deleted lead, restored from the Trash', async ({ page, host }) => {
  await page.goto(host.url);
  await startEmpty(page);
  const created = await host.invoke<{ id: string }>('leads.create', { name: '王芳', companyName: '杭州星河科技有限公司' });
  if (!created.ok) throw new Error('leads.create failed');
  await host.invoke('leads.delete', { ids: [created.data.id] });

  await page.getByRole('menuitem', { name: '回收站' }).click();
  await showKind(page, '线索');
  const trashed = page.getByTestId('trash-list').getByTestId('list-row').filter({ hasText: '王芳' });
  await expect(trashed).toBeVisible();
  await expect(page.getByTestId('trash-kinds')).toContainText('商机');
  await expect(page.getByTestId('trash-kinds')).toContainText('产品');
  await shot(page, 'trash-leads');
  await trashed.getByRole('button', { name: '恢复' }).click();
  await expect(trashed).toHaveCount(0);

  await page.getByRole('menuitem', { name: '线索' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: '王芳' })).toBeVisible();

  // English: the same tabs.
  await host.invoke('leads.delete', { ids: [created.data.id] });
  await host.invoke('app.setLocale', { locale: 'en' });
  await page.reload();
  await page.getByRole('menuitem', { name: 'Trash' }).click();
  await showKind(page, 'Leads');
  await expect(page.getByTestId('trash-list').getByTestId('list-row').filter({ hasText: '王芳' })).toBeVisible();
  await expect(page.getByTestId('trash-kinds')).toContainText('Opportunities');
  await shot(page, 'trash-leads-en');
});
