// Steps the e2e specs share: screenshots kept for people to look at, dragging a card on the
// opportunities board, and "now" typed into a date-time picker.
import { expect, type Locator, type Page } from '@playwright/test';

/** Where screenshots go (KEHU_SHOTS_DIR when several builds run side by side). */
export const SHOTS = process.env.KEHU_SHOTS_DIR ?? 'test-results/screens';

/** A picture of the screen without passing toasts. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, style: '.ant-message { display: none !important; }' });
}

/** A picture once loading veils are gone and menus, dialogs and tables have finished moving in. */
export async function settledShot(page: Page, name: string): Promise<void> {
  // (A click's wave and a button's spinner can linger, and toasts are hidden: none counts.)
  const still = ':not(.ant-wave):not(.ant-message *):not(.ant-btn *)';
  const moving = ['-appear', '-enter', '-leave'].map((m) => `[class*="${m}"]${still}`).join(', ');
  await expect(page.locator(`.ant-spin-blur, ${moving}`)).toHaveCount(0);
  // A table that was loading fades back in.
  for (const table of await page.locator('.ant-spin-container').all()) await expect(table).toHaveCSS('opacity', '1');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, name);
}

/**
 * The first-run choice "start empty", done before anything else touches the data: its request is
 * waited for (the dialog closes), so a set-up call through the contract cannot race it.
 */
export async function startEmpty(page: Page): Promise<void> {
  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('start-empty')).toBeHidden();
}

/** A stage's column on the opportunities board. */
export const column = (page: Page, stageId: string) => page.locator(`[data-testid="board-column"][data-stage-id="${stageId}"]`);

/** dnd-kit follows pointer events: press, move past its 6 px threshold in steps, release over the column. */
export async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  // The previous drag is over (no card held).
  await expect(page.locator('.deal-card-overlay')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  // The board may scroll while dragging: aim at where the column is now, twice.
  for (const steps of [10, 5]) {
    const to = (await target.boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps });
  }
  await page.mouse.up();
}

/** The browser's zone (playwright.config.ts timezoneId). */
const ZONE = 'Asia/Shanghai';

/** Now (plus an offset) in the browser's zone, as the date-time pickers take it: 'YYYY-MM-DD HH:mm'. */
export function pickerNow(offsetMinutes = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + offsetMinutes * 60_000))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
