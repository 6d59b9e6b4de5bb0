import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { cutSelects, insideViewport, layoutReport } from './layoutChecks';

// Six runs at laptop sizes: the comparison's dock takes what the core views leave, the decision
// boundary is never cut, the loss curve and every run's landscape stay on screen at a usable size.
const SIX_RUNS = 'run2.loss=focal&run3.lr=0.3&run4.mixup=0.4&run5.loss=mae&run5.lr=0.1&run6.loss=gce';
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;

/** The smallest sizes the core views keep beside the comparison (px): the boundary's square, the loss curve's height, each run's surface's height. */
function minimums(width: number): { boundary: number; lossCurve: number; surface: number } {
  return width >= 1280 ? { boundary: 200, lossCurve: 120, surface: 56 } : { boundary: 160, lossCurve: 120, surface: 56 };
}

async function openAt(page: Page, width: number, height: number, query: string): Promise<AppPage> {
  await page.setViewportSize({ width, height });
  const app = new AppPage(page);
  await app.open(`?backend=wasm&${query}`);
  return app;
}

type Rect = { x: number; y: number; width: number; height: number };
const within = (inner: Rect, outer: Rect, slack = 0.5): boolean =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

for (const [width, height] of SIZES) {
  test(`six runs at ${width}×${height}: the boundary whole in its box, the loss curve and every run's landscape on screen, the dock below them`, async ({ page }) => {
    const app = await openAt(page, width, height, SIX_RUNS);
    await page.getByTestId('step-size').selectOption('100');
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === 100 && !s.playing; }, { timeout: 90_000 }).toBe(true);
    await expect(page.getByTestId('summary-row')).toHaveCount(6);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `e2e/screenshots/compare-layout-${width}x${height}.png` });
    const min = minimums(width);

    // The plane: a square no larger than its box (which clips), at least the minimum, on screen.
    const canvas = (await page.getByTestId('boundary').boundingBox())!;
    const box = (await page.locator('.boundary-canvas-box').boundingBox())!;
    expect(within(canvas, box), `boundary ${JSON.stringify(canvas)} inside its box ${JSON.stringify(box)}`).toBe(true);
    expect(canvas.width, 'boundary size').toBeGreaterThanOrEqual(min.boundary);
    expect((await insideViewport(page, 'boundary')).inside, 'boundary on screen').toBe(true);

    // The loss curve keeps its height; the legend beside the dock is one row (the run tabs name the runs).
    const curve = (await page.getByTestId('loss-chart').boundingBox())!;
    expect(curve.height, 'loss curve height').toBeGreaterThanOrEqual(min.lossCurve);
    expect((await insideViewport(page, 'loss-chart')).inside, 'loss curve on screen').toBe(true);
    const legendTops = await page.getByTestId('loss-legend').getByTestId('legend-item').evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(new Set(legendTops).size, `loss legend rows (tops ${legendTops.join(', ')})`).toBe(1);
    await expect(page.getByTestId('loss-legend').getByTestId('legend-item').nth(3)).toHaveAttribute('title', 'D · CE + mixup α=0.4');

    // Neither the boundary's panel nor the loss panel hides anything in a scroll area.
    for (const panel of ['.core > .boundary', '.core > .chart']) {
      const { scroll, client } = await page.locator(panel).evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
      expect(scroll, `${panel} content fits (no scrolling)`).toBeLessThanOrEqual(client + 1);
    }

    // Every run's surface whole inside the landscape's stage (not scrolled away) and on screen.
    const stage = (await page.locator('.landscape-stage').boundingBox())!;
    for (let run = 0; run < 6; run++) {
      const surface = (await page.getByTestId(`landscape-surface-${run}`).boundingBox())!;
      expect(within(surface, stage), `surface ${run} ${JSON.stringify(surface)} inside the stage ${JSON.stringify(stage)}`).toBe(true);
      expect(surface.height, `surface ${run} height`).toBeGreaterThanOrEqual(min.surface);
      expect((await insideViewport(page, `landscape-surface-${run}`)).inside, `surface ${run} on screen`).toBe(true);
    }

    // The comparison opened itself: the core views keep more than half the height, the dock the rest.
    const core = (await page.getByTestId('core-views').boundingBox())!;
    const dock = (await page.getByTestId('dock-body').boundingBox())!;
    expect(core.height, 'core views height').toBeGreaterThanOrEqual(0.55 * height);
    expect(dock.y + dock.height, 'the dock on screen').toBeLessThanOrEqual(height + 0.5);
    expect(dock.height, 'the dock keeps a usable height').toBeGreaterThanOrEqual(96);

    // The boundaries under the comparison are never larger than the main one.
    const multiple = (await page.getByTestId('boundary-multiple').first().boundingBox())!;
    expect(multiple.width, 'a run\'s boundary no larger than the main plane').toBeLessThanOrEqual(canvas.width + 0.5);

    const report = await layoutReport(page, 0);
    expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
    expect(report.overlaps, 'overlapping text').toEqual([]);
    expect(report.cut, 'text cut off by its box').toEqual([]);
    expect(await cutSelects(page), 'menus showing their choice cut').toEqual([]);
  });
}

test('an imported run\'s notice above six runs at 1366×768 takes height from the dock, not from the boundary', async ({ page }) => {
  const app = await openAt(page, 1366, 768, SIX_RUNS);
  await page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 10 && !s.playing; }, { timeout: 60_000 }).toBe(true);
  // Export the six runs as JSON and import them back: a notice of several lines over the core views.
  const menu = page.getByTestId('export-menu');
  await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const buffer = await readFile((await download.path())!);
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await page.getByTestId('import-json').setInputFiles({ name: 'runs.json', buffer, mimeType: 'application/json' });
  await expect(page.getByTestId('imported-run')).toContainText(/Imported run from/);
  await expect(page.getByTestId('summary-row')).toHaveCount(6);
  const notice = (await page.getByTestId('imported-run').boundingBox())!;
  expect(notice.height, 'a notice of several lines').toBeGreaterThan(40);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'e2e/screenshots/compare-layout-imported-1366x768.png' });
  const canvas = (await page.getByTestId('boundary').boundingBox())!;
  const box = (await page.locator('.boundary-canvas-box').boundingBox())!;
  expect(within(canvas, box), `boundary ${JSON.stringify(canvas)} inside its box ${JSON.stringify(box)}`).toBe(true);
  expect(canvas.width, 'boundary size').toBeGreaterThanOrEqual(200);
  for (const id of ['boundary', 'loss-chart', 'landscape-surface-5']) expect((await insideViewport(page, id)).inside, `${id} on screen`).toBe(true);
  const dock = (await page.getByTestId('dock-body').boundingBox())!;
  expect(dock.y + dock.height, 'the dock on screen').toBeLessThanOrEqual(768.5);
});
