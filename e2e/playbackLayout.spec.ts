import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

// The page holds still: pressing Play does not move the buttons beside it, and nothing arriving
// after the first paint moves the decision boundary. Space stays Play/Pause after a click.

async function openAt(page: Page, width: number, height: number, query: string): Promise<AppPage> {
  await page.setViewportSize({ width, height });
  const app = new AppPage(page);
  await app.open(`?backend=wasm&${query}`);
  return app;
}

for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
  test(`Play and Pause are one width at ${width}×${height}: Step, the menus and Reset stay put`, async ({ page }) => {
    const app = await openAt(page, width, height, '');
    const places = () => page.evaluate(() => ['play', 'pause', 'step', 'step-size', 'play-speed', 'reset'].map((id) => document.querySelector(`[data-testid=${id}]`)?.getBoundingClientRect().toJSON() as DOMRect | undefined));
    const [play, , ...paused] = await places();
    await page.getByTestId('play').click();
    await expect(page.getByTestId('pause')).toBeVisible();
    const [, pause, ...playing] = await places();
    expect(pause!.width, 'Pause as wide as Play').toBeCloseTo(play!.width, 0);
    expect(pause!.x).toBeCloseTo(play!.x, 0);
    for (const [k, box] of playing.entries()) expect(box!.x, `${['step', 'step-size', 'play-speed', 'reset'][k]} stays put`).toBeCloseTo(paused[k]!.x, 0);
    await app.pause();
  });
}

test('the decision boundary does not move or resize between the first paint and 3 s after load at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // Every animation frame from the first in which the plane is shown: its box and the canvas's.
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __boundaryLog: string[] }).__boundaryLog = log;
    let first = 0;
    const frame = (now: number): void => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=boundary]');
      const box = document.querySelector('.boundary-canvas-box');
      if (canvas && box && getComputedStyle(canvas).visibility !== 'hidden') {
        if (!first) first = now;
        const [c, b] = [canvas.getBoundingClientRect(), box.getBoundingClientRect()];
        const entry = [c.x, c.y, c.width, c.height, b.x, b.y, b.width, b.height].map(Math.round).join(',');
        if (log.at(-1) !== entry) log.push(entry);
      }
      if (!first || now - first < 3000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.waitForTimeout(3500);
  const log = await page.evaluate(() => (window as unknown as { __boundaryLog: string[] }).__boundaryLog);
  expect(log.length, 'frames with the plane shown').toBeGreaterThan(0);
  expect(log, 'the plane and its box (x, y, width, height) in every frame').toEqual([log[0]]);
  expect(Number(log[0]!.split(',')[2]), 'a plane of a usable size').toBeGreaterThanOrEqual(200);
});

test('Space plays and pauses after a click on "+ run", which it does not press again; the keyboard still presses a focused button', async ({ page }) => {
  const app = await openAt(page, 1366, 768, '');
  const runs = async (): Promise<number> => (await app.snapshot()).runs.length;
  await page.getByTestId('run-add').click();
  await expect.poll(runs).toBe(2);
  await expect(page.getByTestId('run-add')).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await app.snapshot()).playing, { message: 'Space plays' }).toBe(true);
  expect(await runs(), 'Space did not add a run').toBe(2);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await app.snapshot()).playing, { message: 'Space pauses' }).toBe(false);
  expect(await runs()).toBe(2);
  // Focus brought by the keyboard: Space and Enter press the button, as on any page.
  await page.getByTestId('run-add').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('run-add')).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(runs, { message: 'Space presses a button the keyboard focused' }).toBe(3);
  await page.keyboard.press('Enter');
  await expect.poll(runs, { message: 'Enter presses it' }).toBe(4);
  expect((await app.snapshot()).playing).toBe(false);
});
