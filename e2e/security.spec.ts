// Issue #5 as a person does it: set up an administrator on a fresh data folder, add a sales user
// on the users page, give each some customers, sign in as the sales user and see only theirs (and
// meet the lock screen once the administrator disables them); then the administrator turns on
// two-step verification (codes computed here from the key shown on screen) and signs in with
// password and code, or a recovery code. A second test: auto-lock after the idle minutes, a
// changed password, the lockout after five wrong ones. Screens are kept in zh and en.
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { test, expect } from './fixtures';
import { settledShot, startEmpty } from './helpers';

const ADMIN = { name: '李娜', login: 'lina', password: 'Kehu-Admin-2026' };
const SALES = { name: '张伟', login: 'zhangwei', password: 'Xiaoshou-2026' };
const ADMIN_COMPANY = '北京总部客户有限公司';
const SALES_COMPANY = '广州销售客户贸易公司';
const ADMIN_CONTACT = '王总';
const SALES_CONTACT = '陈经理';

// A click that cannot happen (e.g. behind a dialog) fails in words instead of waiting for the test's end.
test.use({ actionTimeout: 15_000 });

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

async function inEnglishToo(page: Page, name: string, visible: () => Promise<void>) {
  await settledShot(page, `${name}-zh`);
  await page.getByText('English', { exact: true }).click();
  await visible();
  await settledShot(page, `${name}-en`);
  await page.getByText('中文', { exact: true }).click();
}

/** Enter submits. */
/** The account menu, then two-step enrolment up to its QR code, with a screenshot of each. */
async function openEnrolment(page: Page, lang: 'zh' | 'en', names: { signOut: string; twoStep: string; qr: string }) {
  await page.getByTestId('account-menu').click();
  await expect(page.getByRole('menuitem', { name: names.signOut })).toBeVisible();
  await settledShot(page, `security-03-account-menu-${lang}`);
  await page.getByRole('menuitem', { name: names.twoStep }).click();
  await page.getByTestId('enrol-start').click();
  await expect(page.getByRole('img', { name: names.qr })).toBeVisible();
  await settledShot(page, `security-04-totp-enrol-${lang}`);
}

async function signIn(page: Page, who: { login: string; password: string }) {
  await page.getByTestId('sign-in-login').fill(who.login);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-password').press('Enter');
}

async function setUpAdmin(page: Page) {
  const setup = page.getByTestId('setup-admin');
  await setup.getByLabel('姓名').fill(ADMIN.name);
  await setup.getByLabel('登录名').fill(ADMIN.login);
  await setup.getByTestId('new-password').fill(ADMIN.password);
  await setup.getByTestId('confirm-password').fill(ADMIN.password);
  await page.getByTestId('setup-admin-submit').click();
  await expect(page.getByRole('dialog', { name: '欢迎使用客户管理' })).toBeVisible();
  await startEmpty(page);
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);
}

async function signOut(page: Page) {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

async function newCustomer(page: Page, kind: 'company' | 'contact', name: string, owner: string) {
  await page.getByRole('menuitem', { name: kind === 'company' ? '客户/公司' : '联系人' }).click();
  await page.getByTestId('new-button').click();
  const form = page.getByTestId(`${kind}-form`);
  await form.getByLabel(kind === 'company' ? '公司名称' : '姓名').fill(name);
  await form.getByLabel('负责人').click();
  await pickOption(page, owner);
  await page.getByTestId('form-save').click();
  await expect(page.getByTestId('detail-name')).toHaveText(name);
}

test('set up an administrator, a sales user sees only their customers, sign-in with a second factor', async ({ browser, page, freshHost: host }) => {
  // Long: many screens and a dozen scrypt password checks.
  test.slow();
  await page.goto(host.url);

  // First start: the administrator, with the password hint as it is typed.
  const setup = page.getByTestId('setup-admin');
  await expect(setup).toBeVisible();
  await expect(page.getByTestId('single-encryption')).toContainText('不加密');
  await inEnglishToo(page, 'security-01-setup', () => expect(page.getByRole('heading', { name: 'Welcome to Kehu CRM' })).toBeVisible());
  await setup.getByLabel('姓名').fill(ADMIN.name);
  await setup.getByLabel('登录名').fill(ADMIN.login);
  await setup.getByTestId('new-password').fill('short');
  await expect(page.getByTestId('password-strength')).toHaveAttribute('data-strength', 'tooShort');
  await setup.getByTestId('new-password').fill(ADMIN.password);
  await expect(page.getByTestId('password-strength')).toHaveAttribute('data-strength', 'strong');
  await setup.getByTestId('confirm-password').fill('Kehu-Admin-2025');
  await page.getByTestId('setup-admin-submit').click();
  await expect(setup.getByText('两次输入的密码不一致')).toBeVisible();
  await setup.getByTestId('confirm-password').fill(ADMIN.password);
  await page.getByTestId('setup-admin-submit').click();

  // The sample-data choice follows, then the app as the administrator.
  await expect(page.getByRole('dialog', { name: '欢迎使用客户管理' })).toBeVisible();
  await startEmpty(page);
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);

  // A sales user, added on the users page.
  await page.getByRole('menuitem', { name: '用户' }).click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const userForm = page.getByTestId('user-form');
  await userForm.getByLabel('姓名').fill(SALES.name);
  await userForm.getByLabel('登录名').fill(SALES.login);
  await userForm.getByLabel('密码', { exact: true }).fill(SALES.password);
  await userForm.getByLabel('确认密码').fill(SALES.password);
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('users-table')).toContainText(SALES.login);

  // Customers of each.
  await newCustomer(page, 'company', ADMIN_COMPANY, ADMIN.name);
  await newCustomer(page, 'company', SALES_COMPANY, SALES.name);
  await newCustomer(page, 'contact', ADMIN_CONTACT, ADMIN.name);
  await newCustomer(page, 'contact', SALES_CONTACT, SALES.name);
  await signOut(page);

  // A wrong password is refused in words; then the sales user sees only their own customers.
  await signIn(page, { login: SALES.login, password: 'wrong-password' });
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误');
  await settledShot(page, 'security-02-sign-in-zh');
  // The language picked before signing in is the app's once signed in.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong sign-in name or password');
  await settledShot(page, 'security-02-sign-in-en');
  await signIn(page, SALES);
  await expect(page.getByTestId('account-menu')).toContainText(SALES.name);
  await expect(page.getByRole('menuitem', { name: 'Companies' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: SALES_COMPANY })).toBeVisible();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await page.getByRole('menuitem', { name: '联系人' }).click();
  await expect(page.getByTestId('list-row').filter({ hasText: SALES_CONTACT })).toBeVisible();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(page.getByRole('menuitem', { name: '用户' })).toHaveCount(0);

  // Meanwhile the administrator, in another window, disables the sales user: their next step
  // meets the lock screen, and their password no longer signs in.
  const adminWindow = await browser.newPage();
  await adminWindow.goto(host.url);
  await signIn(adminWindow, ADMIN);
  await adminWindow.getByRole('menuitem', { name: '用户' }).click();
  await adminWindow.getByRole('row', { name: new RegExp(SALES.login) }).getByTestId('user-more').click();
  await adminWindow.getByRole('menuitem', { name: '停用' }).click();
  await adminWindow.getByRole('dialog').getByRole('button', { name: /停\s*用/ }).click();
  await expect(adminWindow.getByRole('row', { name: new RegExp(SALES.login) })).toContainText('已停用');
  await adminWindow.close();
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByTestId('session-ended')).toHaveText('登录已失效，请重新登录');
  await expect(page.getByText('已锁定 — 输入密码解锁')).toBeVisible();
  await expect(page.getByTestId('sign-in-login')).toHaveValue(SALES.login);
  await page.getByTestId('sign-in-password').fill(SALES.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误');
  await page.getByRole('button', { name: '使用其他账户登录' }).click();
  await expect(page.getByText('请使用您的登录名和密码登录')).toBeVisible();

  // The administrator sees both, and turns on two-step verification.
  await signIn(page, ADMIN);
  await page.getByRole('menuitem', { name: '客户/公司' }).click();
  await expect(page.getByTestId('list-row')).toHaveCount(2);
  // The account menu and the enrolment in English first (the language switch sits behind the
  // dialog), then for real in Chinese.
  await page.getByText('English', { exact: true }).click();
  await openEnrolment(page, 'en', { signOut: 'Sign out', twoStep: 'Two-step verification', qr: 'QR code for two-step verification' });
  await page.keyboard.press('Escape');
  await page.getByText('中文', { exact: true }).click();
  await openEnrolment(page, 'zh', { signOut: '退出登录', twoStep: '两步验证', qr: '两步验证二维码' });
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByTestId('enrol-code').fill('000000' === codeFor(secret) ? '111111' : '000000');
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByRole('dialog').getByText('验证码不正确或已过期')).toBeVisible();
  await page.getByTestId('enrol-code').fill(codeFor(secret));
  await page.getByTestId('enrol-submit').click();
  const codes = page.getByTestId('recovery-codes').locator('span');
  await expect(codes).toHaveCount(10);
  await settledShot(page, 'security-05-recovery-codes-zh');
  const recovery = await codes.first().innerText();
  await page.getByTestId('codes-done').click();
  await signOut(page);

  // Password, then the code step: a wrong code is refused, the right one signs in.
  await signIn(page, ADMIN);
  await expect(page.getByTestId('totp-step')).toBeVisible();
  await inEnglishToo(page, 'security-06-totp-step', () => expect(page.getByText('Two-step verification')).toBeVisible());
  await page.getByTestId('totp-code').fill('12345');
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('totp-step')).toContainText('验证码格式不正确');
  await page.getByTestId('totp-code').fill(codeFor(secret));
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);

  // Lock: the same person unlocks with the password alone... and a second factor again.
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  await expect(page.getByText('已锁定 — 输入密码解锁')).toBeVisible();
  await settledShot(page, 'security-07-locked-zh');
  await expect(page.getByTestId('sign-in-login')).toHaveValue(ADMIN.login);
  await page.getByTestId('sign-in-password').fill(ADMIN.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('totp-toggle').click();
  await page.getByTestId('totp-code').fill(recovery);
  await page.getByTestId('totp-submit').click();
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);
  await expect(page.getByTestId('list-row')).toHaveCount(2);

  // Turning the second factor off takes the password; then the password alone signs in.
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '两步验证' }).click();
  // It is on: the dialog offers to turn it off, not to set it up again.
  await expect(page.getByTestId('enrol-start')).toHaveCount(0);
  await settledShot(page, 'security-09-totp-on-zh');
  await page.getByRole('button', { name: '关闭两步验证' }).click();
  await page.getByRole('dialog').getByLabel('密码').fill(ADMIN.password);
  await page.getByTestId('disable-submit').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await signOut(page);
  await signIn(page, ADMIN);
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);
});

test('the screen locks after the idle minutes; a changed password unlocks it', async ({ page, freshHost: host }) => {
  // The page's clock, so that 15 idle minutes pass at once (the main process keeps real time).
  await page.clock.install();
  await page.goto(host.url);
  await setUpAdmin(page);

  // Change the password: the wrong current one is refused on its field.
  const next = 'Neues-Passwort-2026';
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const form = page.getByTestId('change-password');
  await form.getByLabel('当前密码').fill('not-my-password');
  await form.getByTestId('new-password').fill(next);
  await form.getByTestId('confirm-password').fill(next);
  await page.getByTestId('change-password-submit').click();
  await expect(form.getByText('密码不正确')).toBeVisible();
  await form.getByLabel('当前密码').fill(ADMIN.password);
  await page.getByTestId('change-password-submit').click();
  await expect(form).toBeHidden();

  // 14 idle minutes: still open; input, then 15 more: locked.
  await page.clock.fastForward('14:00');
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await page.mouse.move(400, 300);
  await page.clock.fastForward('15:01');
  await expect(page.getByText('已锁定 — 输入密码解锁')).toBeVisible();
  await signIn(page, ADMIN);
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误');
  await signIn(page, { login: ADMIN.login, password: next });
  await expect(page.getByTestId('account-menu')).toContainText(ADMIN.name);

  // Five wrong passwords lock the sign-in name for 15 minutes, said with the time to try again.
  await signOut(page);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, { login: ADMIN.login, password: `wrong-${attempt}` });
    await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误');
    // The next attempt's answer must be new, not this one still showing: an empty password is
    // refused on its field and clears the message.
    await page.getByTestId('sign-in-password').fill('');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error')).toBeHidden();
  }
  await signIn(page, { login: ADMIN.login, password: 'wrong-5' });
  await expect(page.getByTestId('sign-in-error')).toHaveText(/^登录失败次数过多，请在 \d{2}:\d{2} 后再试$/);
  await settledShot(page, 'security-08-locked-out-zh');
  await signIn(page, { login: ADMIN.login, password: next });
  await expect(page.getByTestId('sign-in-error')).toHaveText(/^登录失败次数过多/);
});
