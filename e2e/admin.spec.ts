// The administrator's screens, as an owner would use them on the default single-user host: a
// custom role, then password sign-in (users who sign in need it), a sales user, the audit log
// (filtered by action, exported as CSV), a backup restored over a later change (everyone signs in
// again), a company shared with the sales user, and back to single-user mode. Screenshots of each
// screen in zh-CN and English.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { settledShot, startEmpty } from './helpers';

const ADMIN = { login: 'boss', password: 'correct horse 1' };

/** A contract call with the page's cookies (after password sign-in the host wants the session). */
async function invoke<T>(page: Page, host: HostFixture, channel: string, input: unknown = {}): Promise<T> {
  const res = await page.request.post(new URL('/api/invoke', host.origin).toString(), { data: { channel, input } });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.data;
}

const nav = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();

/** After a restore everyone signs in again: the sign-in screen, then the app. */
async function signInAgain(page: Page): Promise<void> {
  const form = page.getByTestId('sign-in');
  await expect(form).toBeVisible();
  await form.getByLabel('登录名').fill(ADMIN.login);
  await form.getByLabel('密码').fill(ADMIN.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByRole('menuitem', { name: '用户' })).toBeVisible();
}

async function addRole(page: Page): Promise<void> {
  await nav(page, '角色');
  await expect(page.getByRole('row').filter({ hasText: '管理员' })).toBeVisible();
  await page.getByRole('row').filter({ hasText: '销售' }).first().getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('role-form').getByLabel('查看客户和联系人')).toBeChecked();
  await expect(page.getByTestId('role-form').getByLabel('查看客户和联系人')).toBeDisabled();
  await settledShot(page, 'admin-role-builtin');
  await page.getByRole('button', { name: /取\s*消/ }).click();

  await page.getByRole('button', { name: '新建角色' }).click();
  const form = page.getByTestId('role-form');
  await form.getByLabel('角色名称').fill('华东销售');
  await form.getByText('本团队', { exact: true }).click();
  await form.getByLabel('查看销售预测和报表').check();
  await form.getByLabel('查看线索').check();
  await settledShot(page, 'admin-role-form');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByRole('row').filter({ hasText: '华东销售' });
  await expect(row).toContainText('本团队');
  await expect(row).toContainText('自定义');
  await settledShot(page, 'admin-roles');
}

/** Single-user mode → password sign-in, through the security page. */
async function switchToPasswords(page: Page): Promise<void> {
  await nav(page, '用户');
  await expect(page.getByTestId('users-single-mode')).toBeVisible();
  await page.getByRole('button', { name: '前往备份与安全' }).click();
  await expect(page.getByTestId('backups-page')).toContainText('未加密');
  await settledShot(page, 'admin-backups-single');
  await page.getByTestId('mode-switch').click();
  const form = page.getByTestId('mode-form');
  await form.getByLabel('登录名').fill(ADMIN.login);
  await form.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await form.getByLabel('确认密码').fill(ADMIN.password);
  const convert = page.getByRole('button', { name: /转\s*换/ });
  await expect(convert).toBeDisabled();
  await settledShot(page, 'admin-mode-switch');
  await page.getByTestId('mode-understood').check();
  await convert.click();
  // The administrator who switched stays signed in, now with the sign-in name just set.
  await expect(page.getByTestId('backups-page')).toContainText('密码登录');
  await expect(page.getByTestId('backups-page')).toContainText('已加密');
  await expect(page.getByRole('row').filter({ hasText: '更改加密前' })).toBeVisible();
}

/** The add-user dialog's fields. */
async function fillUser(form: Locator, user: { name: string; login: string; password: string; confirm: string }): Promise<void> {
  await form.getByLabel('姓名').fill(user.name);
  await form.getByLabel('登录名').fill(user.login);
  await form.getByLabel('密码', { exact: true }).fill(user.password);
  await form.getByLabel('确认密码').fill(user.confirm);
}

async function addUser(page: Page): Promise<void> {
  await nav(page, '用户');
  await page.getByRole('button', { name: '添加用户' }).click();
  const form = page.getByTestId('user-form');
  await fillUser(form, { name: '李娜', login: 'lina', password: 'sales pass 1', confirm: 'sales pass 2' });
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toContainText('两次输入的密码不一致');
  await form.getByLabel('确认密码').fill('sales pass 1');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('users-table')).toContainText('lina');
  const row = page.getByRole('row').filter({ hasText: '李娜' });
  await expect(row).toContainText('lina');
  await expect(row).toContainText('销售');
  await expect(row).toContainText('正常');

  // The same sign-in name again: refused on the field.
  await page.getByRole('button', { name: '添加用户' }).click();
  await fillUser(form, { name: '李娜二', login: 'LINA', password: 'sales pass 1', confirm: 'sales pass 1' });
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toContainText('这个登录名已被使用');
  await page.getByRole('button', { name: /取\s*消/ }).click();

  // A new password for her, typed twice.
  await row.getByTestId('user-more').click();
  await page.getByRole('menuitem', { name: '重置密码' }).click();
  const reset = page.getByTestId('reset-password-form');
  await reset.getByLabel('密码', { exact: true }).fill('sales pass 9');
  await reset.getByLabel('确认密码').fill('sales pass 9');
  await page.getByRole('dialog').filter({ has: reset }).getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已为「李娜」设置新密码');

  // The custom role given to her cannot be deleted while she holds it.
  await row.getByRole('button', { name: '编辑' }).click();
  await form.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown').getByText('华东销售', { exact: true }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(row).toContainText('华东销售');
  await settledShot(page, 'admin-users');
  await nav(page, '角色');
  await page.getByRole('row').filter({ hasText: '华东销售' }).getByRole('button', { name: /删\s*除/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.locator('.ant-message')).toContainText('有 1 位用户正在使用这个角色');
  await expect(page.getByRole('row').filter({ hasText: '华东销售' })).toBeVisible();
}

async function auditLog(page: Page): Promise<void> {
  await nav(page, '审计日志');
  const table = page.getByTestId('audit-page').locator('.ant-table-tbody');
  await expect(table).toContainText('用户 · 新建');
  await expect(table).toContainText('角色 · 保存');
  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-dropdown').getByText('用户 · 新建', { exact: true }).click();
  const rows = table.locator('tr.ant-table-row');
  await expect(rows.first()).toContainText('用户 · 新建');
  const texts = await rows.getByTestId('audit-action-cell').allTextContents();
  expect(new Set(texts)).toEqual(new Set(['用户 · 新建']));
  await rows.first().click();
  await expect(table.locator('.ant-table-expanded-row')).toContainText('"lina"');
  await settledShot(page, 'admin-audit');

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('users.create');
  expect(csv).not.toContain('roles.save');
}

async function backupAndRestore(page: Page, host: HostFixture, contactId: string): Promise<void> {
  await nav(page, '备份与安全');
  const settings = page.getByTestId('security-settings-form');
  await settings.getByLabel('保留备份数').fill('5');
  await settings.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-message')).toContainText('安全设置已保存');
  await page.getByTestId('backup-now').click();
  const manual = page.getByRole('row').filter({ hasText: '手动' });
  await expect(manual).toHaveCount(1);
  await expect(page.getByTestId('backups-page')).toContainText('已加密');
  await settledShot(page, 'admin-backups');

  await invoke(page, host, 'contacts.update', { id: contactId, patch: { title: '销售总监' } });
  await page.goto(`${host.origin}#/contacts/${contactId}`);
  await expect(page.getByTestId('contact-detail')).toContainText('销售总监');

  await nav(page, '备份与安全');
  await manual.getByRole('button', { name: /恢\s*复/ }).click();
  const restore = page.getByRole('button', { name: /^恢\s*复$/ }).last();
  await expect(restore).toBeDisabled();
  await settledShot(page, 'admin-restore-confirm');
  await page.getByTestId('restore-understood').check();
  const reloaded = page.waitForEvent('load');
  await restore.click();
  await reloaded;
  await signInAgain(page);
  await page.goto(`${host.origin}#/contacts/${contactId}`);
  await expect(page.getByTestId('contact-detail')).toContainText('采购经理');
  await expect(page.getByTestId('contact-detail')).not.toContainText('销售总监');
}

async function share(page: Page, host: HostFixture, companyId: string): Promise<void> {
  await page.goto(`${host.origin}#/companies/${companyId}`);
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-users').click();
  await page.locator('.ant-select-dropdown').getByText('李娜', { exact: true }).click();
  await page.keyboard.press('Escape');
  await settledShot(page, 'admin-share');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const shares = await invoke<{ userName: string }[]>(page, host, 'shares.list', { entity: 'company', id: companyId });
  expect(shares.map((s) => s.userName)).toEqual(['李娜']);
  // Opened again, the modal shows who it is shared with.
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-users')).toContainText('李娜');
  await page.getByRole('button', { name: /取\s*消/ }).click();
}

async function englishShots(page: Page, host: HostFixture): Promise<void> {
  await invoke(page, host, 'app.setLocale', { locale: 'en' });
  await page.reload();
  for (const [item, name] of [
    ['Users', 'users'],
    ['Roles', 'roles'],
    ['Audit log', 'audit'],
    ['Security', 'backups'],
  ] as const) {
    await page.getByRole('menuitem', { name: item }).click();
    await expect(page.getByTestId(`${name}-page`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Add user|New role|Export CSV|Back up now/ })).toBeEnabled();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await settledShot(page, `admin-${name}-en`);
  }
  await page.getByRole('row').filter({ hasText: 'Manual' }).getByRole('button', { name: 'Restore' }).click();
  await settledShot(page, 'admin-restore-confirm-en');
  await page.getByRole('button', { name: 'Cancel' }).click();
}

/** Back to single-user mode; this host keeps no key for us, so the file is decrypted (and says so). */
async function backToSingleUser(page: Page): Promise<void> {
  await page.getByTestId('mode-switch').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('the database file will not be encrypted');
  await settledShot(page, 'admin-mode-single-en');
  await page.getByTestId('mode-understood').check();
  await dialog.getByRole('button', { name: 'Convert' }).click();
  await expect(page.getByTestId('backups-page')).toContainText('Single user (no password)');
  await expect(page.getByTestId('backups-page')).toContainText('Not encrypted');
}

test('admin: a custom role, password sign-in, a sales user, the audit log, backup and restore, sharing', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await startEmpty(page);
  const company = await invoke<{ id: string }>(page, host, 'companies.create', { name: '杭州星河科技有限公司' });
  const contact = await invoke<{ id: string }>(page, host, 'contacts.create', { name: '张伟', title: '采购经理' });

  await addRole(page);
  await switchToPasswords(page);
  await addUser(page);
  await auditLog(page);
  await backupAndRestore(page, host, contact.id);
  await share(page, host, company.id);
  await englishShots(page, host);
  await backToSingleUser(page);
});
