// 销售预测 as a manager sees it: a few opportunities made through the deals channels (open in this
// and the coming months, one overdue, one won, one lost, one in dollars), then the forecast screen
// shows the KPIs, the four charts and the funnel table in Chinese and in English. Screenshots of
// both languages go to test-results/screens/ (or KEHU_SHOTS_DIR).
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { startEmpty } from './helpers';

const SHOTS = process.env.KEHU_SHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // The content scrolls inside the layout: grow the window to the whole screen for the picture.
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => 56 + (document.querySelector('.app-content')?.scrollHeight ?? 0));
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.waitForTimeout(1500); // the charts redraw at the new size (ECharts animates)
  const body = await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize(size);
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** YYYY-MM-DD in Shanghai (the browser's zone), `months` months from now, on day `day`. */
function dayIn(months: number, day: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function invoke<T>(host: HostFixture, channel: string, input: unknown): Promise<T> {
  const result = await host.invoke<T>(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function deal(host: HostFixture, name: string, amount: number, expectedClose: string | null, stages: string[], currency = 'CNY') {
  const { id } = await invoke<{ id: string }>(host, 'deals.create', { name, amount, expectedClose, currency });
  for (const stageId of stages) {
    await invoke(host, 'deals.move', { id, stageId, ...(stageId === 'stage-default-6' ? { lostReason: '价格太高' } : {}) });
  }
}

async function seed(host: HostFixture) {
  await deal(host, '工业机器人改造', 12_000_000, dayIn(0, 28), ['stage-default-3']); // 60 %
  await deal(host, '仓储管理系统', 8_000_000, dayIn(1, 15), []); // 10 %
  await deal(host, '年度维保合同', 3_000_000, dayIn(2, 10), ['stage-default-4']); // 80 %
  await deal(host, '展厅灯光', 1_500_000, dayIn(-1, 10), ['stage-default-2']); // 30 %, overdue
  await deal(host, '办公设备采购', 5_000_000, dayIn(0, 5), ['stage-default-5']); // won
  await deal(host, '员工培训', 2_000_000, dayIn(0, 5), ['stage-default-2', 'stage-default-6']); // lost
  await deal(host, 'Export order', 1_000_000, dayIn(1, 1), [], 'USD');
  const stages = [
    { name: '接洽', probability: 20, kind: 'open' },
    { name: '成交', probability: 100, kind: 'won' },
    { name: '丢单', probability: 0, kind: 'lost' },
  ];
  const { id: pipelineId } = await invoke<{ id: string }>(host, 'pipelines.save', { name: '大客户', stages });
  await invoke(host, 'deals.create', { name: '集团采购', amount: 50_000_000, expectedClose: dayIn(3, 1), pipelineId });
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

async function expectCharts(page: Page) {
  for (const id of ['chart-by-month', 'chart-won', 'chart-by-owner', 'chart-funnel']) {
    await expect(page.getByTestId(id).locator('canvas').first()).toBeVisible();
  }
}

test('the forecast shows the weighted pipeline, results and funnel in Chinese and English', async ({ page, host }, testInfo) => {
  await page.goto(host.url);
  await startEmpty(page);
  await page.getByRole('menuitem', { name: '销售预测' }).click();
  await expect(page.getByTestId('forecast-empty')).toContainText('还没有可以统计的商机');
  await shot(page, testInfo, 'forecast-empty-zh');

  await seed(host);
  await page.reload();
  await expect(page.getByRole('heading', { name: '销售预测' })).toBeVisible();
  // 120,000 × 60 % + 80,000 × 10 % + 30,000 × 80 % + 15,000 × 30 %.
  await expect(page.getByTestId('kpi-weighted')).toContainText('¥108,500.00');
  await expect(page.getByTestId('kpi-weighted')).toContainText('4 个在谈商机');
  await expect(page.getByTestId('kpi-open')).toContainText('¥245,000.00');
  await expect(page.getByTestId('kpi-open')).toContainText('其中 1 个已逾期');
  await expect(page.getByTestId('kpi-win-rate')).toContainText('50%');
  await expect(page.getByTestId('kpi-win-rate')).toContainText('赢 1 · 输 1');
  await expect(page.getByTestId('kpi-cycle')).toContainText('0 天');
  await expect(page.getByTestId('kpi-avg-won')).toContainText('¥50,000.00');
  await expect(page.getByTestId('forecast-other-currencies')).toContainText('1 个美元商机');
  await expectCharts(page);
  const funnel = page.getByTestId('funnel-table');
  // 7 entered; 5 reached 需求确认 (the won one skipped it), 3 of them 方案报价 (60 %).
  await expect(funnel.getByRole('row', { name: /初步接触/ })).toContainText('7');
  await expect(funnel.getByRole('row', { name: /需求确认/ })).toContainText('60%');
  await expect(funnel.getByRole('row', { name: /商务谈判/ })).toContainText('50%');
  await shot(page, testInfo, 'forecast-zh');

  // Dollars on their own.
  await pick(page, 'forecast-currency', '美元');
  await expect(page.getByTestId('kpi-open')).toContainText('$10,000.00');
  await expect(page.getByTestId('forecast-other-currencies')).toContainText('6 个人民币商机');
  await pick(page, 'forecast-currency', '人民币');

  // Another pipeline: its own opportunities and stages.
  await pick(page, 'forecast-pipeline', '大客户');
  await expect(page.getByTestId('kpi-weighted')).toContainText('¥100,000.00');
  await expect(funnel.getByRole('row', { name: /接洽/ })).toContainText('1');
  await pick(page, 'forecast-pipeline', '销售流程');
  await expect(page.getByTestId('kpi-weighted')).toContainText('¥108,500.00');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Forecast' })).toBeVisible();
  await expect(page.getByTestId('kpi-weighted')).toContainText('Weighted pipeline');
  await expect(page.getByTestId('kpi-weighted')).toContainText('4 open opportunities');
  await expect(page.getByTestId('kpi-cycle')).toContainText('0 days');
  await expect(page.getByTestId('card-by-month')).toContainText('Open pipeline by expected close');
  await expect(page.getByTestId('forecast-other-currencies')).toContainText('other currencies are left out of the totals (USD: 1)');
  await expect(funnel.getByRole('columnheader', { name: 'To next stage' })).toBeVisible();
  await expectCharts(page);
  await shot(page, testInfo, 'forecast-en');
});
