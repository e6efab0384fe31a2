// Smoke test of the browser host: the token opens the app; without it the host answers 401.
import { test, expect } from './fixtures';

test('the app loads with the printed address and its token', async ({ page, host }) => {
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const response = await page.goto(host.url);
  expect(response?.status()).toBe(200);
  // The token has been traded for a cookie and stripped from the address bar.
  expect(page.url()).toBe(host.origin);
  await expect(page.locator('#root')).not.toBeEmpty();
  // The cookie keeps working for the API the renderer calls.
  const result = await page.evaluate(async () => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel: 'tags.list', input: {} }),
    });
    return res.json();
  });
  expect(result.ok).toBe(true);
  await page.screenshot({ path: test.info().outputPath('host-home.png') });
  // The host's CSP header (src/main/host/security.ts) lets the real renderer run.
  expect(cspViolations).toEqual([]);
});

test('without the token the host answers 401', async ({ page, host }) => {
  const response = await page.goto(host.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Unauthorized');
  const wrong = await page.goto(`${host.origin}?token=not-the-token`);
  expect(wrong?.status()).toBe(401);
});
