import { defineConfig } from '@playwright/test';

// e2e drives the built renderer through the HTTP host (e2e/fixtures.ts) in Debian's Chromium.
// `npm run test:e2e` builds first; Playwright's own browser download is never used.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.KEHU_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
  },
});
