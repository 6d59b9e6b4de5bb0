import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import type { LandscapeSnapshot } from '../src/app/landscapeStore';

const landscape = (page: Page): Promise<LandscapeSnapshot> => page.evaluate(() => window.__losscape!.landscape());

test('compare: one surface per run on one shared scale, linked cameras orbited by keyboard, the caveat, and the slice between A and B', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('run-add').click();
  await page.getByTestId('loss').selectOption('mae');
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 60_000 }).toEqual([100, 100]);

  // Both runs' full grids, each centred on its own step-100 weights.
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.runs.length === 2 && l.runs.every((r) => r.complete && r.resolution === 51 && r.step === 100);
    }, { timeout: 120_000, intervals: [250] })
    .toBe(true);
  const l = await landscape(page);
  const mins = l.runs.map((r) => r.min!);
  const maxes = l.runs.map((r) => r.max!);
  expect(l.scale).toEqual({ zMin: Math.min(...mins), zMax: Math.max(...maxes) });
  expect(mins[0]).not.toBe(mins[1]); // two different losses, two different surfaces
  // Both renderers draw on that one scale.
  const surfaces = [page.getByTestId('landscape-surface-0'), page.getByTestId('landscape-surface-1')];
  await expect(surfaces[1]!).toHaveAttribute('data-z-lo', (await surfaces[0]!.getAttribute('data-z-lo'))!);
  await expect(surfaces[1]!).toHaveAttribute('data-z-hi', (await surfaces[0]!.getAttribute('data-z-hi'))!);
  await expect(page.getByTestId('landscape-caveat')).toContainText('not the same slice of weight space');

  // Orbit run A's surface with the keyboard: both cameras turn, to the same angle.
  const before = await Promise.all(surfaces.map((c) => c.getAttribute('data-azimuth')));
  await expect(surfaces[0]!).toHaveAttribute('tabindex', '0');
  await expect(surfaces[0]!).toHaveAttribute('aria-label', /arrow keys/);
  await surfaces[0]!.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(surfaces[0]!).not.toHaveAttribute('data-azimuth', before[0]!);
  await expect(surfaces[1]!).not.toHaveAttribute('data-azimuth', before[1]!);
  await expect(surfaces[1]!).toHaveAttribute('data-azimuth', (await surfaces[0]!.getAttribute('data-azimuth'))!);
  // Zoom in with + from run B's canvas: run A's camera comes nearer too.
  const far = Number(await surfaces[0]!.getAttribute('data-distance'));
  await surfaces[1]!.focus();
  await page.keyboard.type('+');
  await expect.poll(async () => Number(await surfaces[1]!.getAttribute('data-distance'))).toBeLessThan(far);
  await expect(surfaces[0]!).toHaveAttribute('data-distance', (await surfaces[1]!.getAttribute('data-distance'))!);
  await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/landscape-compare.png' });

  // One scale: both surfaces span the same heights; each its own scale: each spans its own.
  const zHi = (run: number) => page.getByTestId(`landscape-surface-${run}`).getAttribute('data-z-hi');
  expect(await zHi(0)).toBe(await zHi(1));
  await page.getByTestId('landscape-own-scale').check();
  await expect(page).toHaveURL(/[?&]landscape\.ownScale=true(&|$)/);
  await expect(page.getByTestId('landscape-scale')).toHaveAttribute('data-own-scale', 'true');
  await expect.poll(async () => (await zHi(0)) !== (await zHi(1))).toBe(true);
  await page.getByTestId('landscape-own-scale').uncheck();

  await page.getByTestId('landscape-view-contour').click();
  for (const run of [0, 1]) await expect.poll(() => page.locator(`[data-testid="landscape-contour-${run}"] path`).count()).toBeGreaterThan(5);
  await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/landscape-compare-contour.png' });

  // 1-D: the line between run A's and run B's current weights, with its barrier.
  await page.getByTestId('landscape-view-slice').click();
  await expect.poll(async () => (await landscape(page)).slicePoints, { timeout: 60_000 }).toBe(81);
  const slice = await landscape(page);
  expect(slice.barrier).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('landscape-barrier')).toContainText('A = run A (step 100), B = run B (step 100)');
  await expect(page.getByTestId('landscape-barrier')).toContainText('Barrier height');
  await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/landscape-compare-slice.png' });
});
