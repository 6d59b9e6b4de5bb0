import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { colouredShare, surfaceInsideCanvas } from './canvasChecks';
import { layoutReport } from './layoutChecks';
import type { LandscapeSnapshot } from '../src/app/landscapeStore';

const landscape = (page: Page): Promise<LandscapeSnapshot> => page.evaluate(() => window.__losscape!.landscape());

/** Takes 100 steps with the Step button and waits until every run has them. */
async function step100(page: Page, app: AppPage, runs: number): Promise<void> {
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(0);
  await page.getByTestId('step-size').selectOption('100');
  await expect(page.getByTestId('step')).toBeEnabled();
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 90_000 }).toEqual(Array.from({ length: runs }, () => 100));
}

test("a mixture of experts' loss landscape: its total objective around the weights, with the optimizer's path", async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?model=moe&data=xor&lbl-alpha=0.1&router-z=0.01&landscape.resolution=25&backend=wasm');
  await expect(page.getByTestId('landscape-moe-note')).toContainText('α·LBL (each domain a micro-batch) + router z-loss');
  await step100(page, app, 1);

  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.complete && l.resolution === 25 && l.step === 100 && l.pathPoints > 1;
    }, { timeout: 120_000, intervals: [250] })
    .toBe(true);
  const l = await landscape(page);
  expect(l.error).toBeNull();
  expect(Number.isFinite(l.min) && Number.isFinite(l.max)).toBe(true);
  expect(l.min!).toBeLessThan(l.max!);
  // The current weights sit on the grid's centre point: the surface there (the batched evaluator)
  // is the true total objective (the model's own forward pass) at the path's last checkpoint.
  expect(Math.abs(l.pathLast!.surfaceLoss - l.pathLast!.loss)).toBeLessThan(1e-5);
  // What the page shows: the caption's range, the mesh drawn on the canvas, the path's checkpoints.
  const caption = page.getByTestId('landscape-caption');
  for (const key of ['data-min', 'data-max']) expect(Number.isFinite(Number(await caption.getAttribute(key)))).toBe(true);
  await expect(caption).toContainText(/Loss from \d/);
  await expect.poll(() => colouredShare(page, 'landscape-surface'), { timeout: 30_000 }).toBeGreaterThan(0.1);
  await expect(page.getByTestId('landscape-diagnostics')).toHaveAttribute('data-checkpoints', /^[1-9]\d*$/);
  // The hover readout over the surface reads a finite loss.
  const box = (await page.getByTestId('landscape-surface').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height / 2 + 4);
  const hover = page.getByTestId('landscape-hover');
  await expect(hover).toContainText(/loss \d/);
  const loss = Number(/loss (\S+)/.exec(await hover.innerText())![1]);
  expect(Number.isFinite(loss)).toBe(true);
  expect(loss).toBeGreaterThanOrEqual(l.min! - 1e-6);
  expect(loss).toBeLessThanOrEqual(l.max! + 1e-6);

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => colouredShare(page, 'landscape-surface'), { timeout: 30_000 }).toBeGreaterThan(0.1);
    // The whole surface is inside the canvas, its foot clear of the bar over the canvas's bottom
    // (the camera is fitted anew to the canvas's new shape).
    await expect.poll(() => surfaceInsideCanvas(page, 'landscape-surface'), { timeout: 30_000 }).toBe('inside');
    await app.screenshot(`moe-landscape-${width}x${height}`);
    const report = await layoutReport(page, 0);
    expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
    expect(report.overlaps, 'overlapping text').toEqual([]);
    expect(report.cut, 'text cut off by its box').toEqual([]);
  }
});

test('comparing micro- and global-batch balance gives each run its own landscape and path', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?model=moe&data=xor&lbl-alpha=0.1&run2.loss=ce&run2.lbl=global&landscape.resolution=21&backend=wasm');
  await expect(page.getByTestId('landscape-moe-note')).toContainText("each run's own scope");
  await step100(page, app, 2);
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.runs.length === 2 && l.runs.every((r) => r.complete && r.resolution === 21 && r.step === 100 && r.pathPoints > 1);
    }, { timeout: 120_000, intervals: [250] })
    .toBe(true);
  const { runs, error } = await landscape(page);
  expect(error).toBeNull();
  for (const r of runs) expect(Number.isFinite(r.min) && Number.isFinite(r.max) && r.min! < r.max!).toBe(true);
  // Two objectives (the LBL of each scope) at two sets of weights: two different surfaces.
  expect(runs[0]!.min).not.toBe(runs[1]!.min);
  for (const run of [0, 1]) {
    await expect(page.getByTestId(`landscape-multiple-${run}`)).toHaveAttribute('data-complete', 'true');
    await expect.poll(() => colouredShare(page, `landscape-surface-${run}`), { timeout: 30_000 }).toBeGreaterThan(0.05);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.screenshot('moe-landscape-compare-1366x768');
  const report = await layoutReport(page, 0);
  expect(report.overlaps, 'overlapping text').toEqual([]);
  expect(report.cut, 'text cut off by its box').toEqual([]);
});
