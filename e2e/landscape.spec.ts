import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import type { LandscapeSnapshot } from '../src/app/landscapeStore';

const landscape = (page: Page): Promise<LandscapeSnapshot> => page.evaluate(() => window.__losscape!.landscape());

async function panelShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('landscape-panel').screenshot({ path: `e2e/screenshots/${name}.png` });
}

/** Waits for a complete full grid of the given directions and resolution. */
async function fullSurface(page: Page, directions: string, resolution = 51): Promise<LandscapeSnapshot> {
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.complete && l.directions === directions && l.resolution === resolution && l.pathPoints > 0;
    }, { timeout: 90_000, intervals: [250] })
    .toBe(true);
  return landscape(page);
}

test('trains, shows the surface with its path, orbits it, and switches to PCA directions and the 1-D view', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  const trained = await app.trainUntilLossBelow(0.5);

  // The 11×11 preview comes first, then the full grid.
  await expect.poll(async () => (await landscape(page)).resolution, { timeout: 60_000 }).toBeGreaterThan(0);
  const random = await fullSurface(page, 'random');
  expect(random.min).not.toBeNull();
  expect(random.min!).toBeLessThan(random.max!);
  expect(Number.isFinite(random.max)).toBe(true);
  // Centred on the latest weight snapshot the trainer sent (it sends them about ten times a second).
  expect(random.step).toBeGreaterThan(0);
  expect(random.step!).toBeLessThanOrEqual(trained.step);
  expect(random.backend).toBe('wasm');
  await expect(page.getByTestId('landscape-diagnostics')).toHaveAttribute('data-checkpoints', /^[1-9]\d*$/);
  await expect(page.getByTestId('landscape-caption')).toHaveAttribute('data-resolution', '51');

  // Orbit by dragging; hover reads (α, β, loss) off the mesh.
  const canvas = page.getByTestId('landscape-surface');
  const before = await canvas.getAttribute('data-azimuth');
  const box = (await canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 160, cy + 10, { steps: 12 });
  await page.mouse.up();
  await expect(canvas).not.toHaveAttribute('data-azimuth', before!);
  await page.mouse.move(cx, cy + 30);
  await page.mouse.move(cx + 5, cy + 35);
  await expect(page.getByTestId('landscape-hover')).toContainText(/α -?\d.*β -?\d.*loss \d/);
  await panelShot(page, 'landscape-surface');
  await page.getByTestId('landscape-reset-camera').click();
  await expect(canvas).toHaveAttribute('data-azimuth', before!);
  // The keyboard orbits too, once the canvas has focus.
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect(canvas).not.toHaveAttribute('data-azimuth', before!);
  await page.getByTestId('landscape-reset-camera').click();
  await expect(canvas).toHaveAttribute('data-azimuth', before!);

  // PCA needs a trajectory of several snapshots: a fast machine can halve the loss within one or
  // two of them, so take three more step requests (each ends with a snapshot where it stopped).
  await page.getByTestId('step-size').selectOption('100');
  for (let i = 0; i < 3; i++) {
    const from = (await app.snapshot()).step;
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === from + 100 && !s.playing; }).toBe(true);
  }
  // Changing the landscape does not restart training.
  const stepBefore = (await app.snapshot()).step;
  await page.getByTestId('landscape-directions').selectOption('pca');
  const pca = await fullSurface(page, 'pca');
  expect((await app.snapshot()).step).toBe(stepBefore);
  expect(pca.explainedVariance![0]).toBeGreaterThan(0.5);
  expect(pca.explainedVariance![0] + pca.explainedVariance![1]).toBeLessThanOrEqual(1 + 1e-6);
  await expect(page.getByTestId('landscape-caption')).toContainText('explains');
  await panelShot(page, 'landscape-pca');

  await page.getByTestId('landscape-view-contour').click();
  await expect.poll(() => page.locator('[data-testid="landscape-contour"] path').count()).toBeGreaterThan(5);
  await panelShot(page, 'landscape-contour');

  await page.getByTestId('landscape-view-slice').click();
  await expect.poll(async () => (await landscape(page)).slicePoints, { timeout: 60_000 }).toBe(81);
  const slice = await landscape(page);
  expect(slice.barrier).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('landscape-barrier')).toContainText('Barrier height');
  await expect(page.locator('[data-testid="landscape-slice"] path[data-series="loss"]')).toHaveCount(1);
  await panelShot(page, 'landscape-slice');
  await app.screenshot('landscape');
});

test('the surface follows training every N steps', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('landscape-resolution').selectOption('21');
  await page.getByTestId('landscape-every').fill('100');
  await page.getByTestId('landscape-every').press('Enter');
  await fullSurface(page, 'random', 21);
  const first = await landscape(page);
  await app.play();
  await expect.poll(async () => (await landscape(page)).completed, { timeout: 60_000 }).toBeGreaterThan(first.completed + 1);
  await app.pause();
  // Once stopped, the surface is centred on the latest weights sent, with the whole path on it.
  const stopped = await app.snapshot();
  await expect.poll(async () => {
    const l = await landscape(page);
    return l.complete && !l.computing && l.step === l.checkpointStep && l.pathPoints > 2;
  }, { timeout: 60_000 }).toBe(true);
  const final = await landscape(page);
  expect(final.step!).toBeGreaterThan(first.step!);
  expect(final.step!).toBeLessThanOrEqual(stopped.step);
  expect((await app.snapshot()).step).toBe(stopped.step);
});
