import { expect, test } from '@playwright/test';
import { AppPage } from './app';

const number = async (text: Promise<string | null>): Promise<number> => Number(await text);

test('calibration of a noisy dataset: the chosen bins, an ECE, and temperature scaling changing it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('dataset').selectOption('gauss');
  await page.getByTestId('noise').fill('1');
  await page.getByTestId('label-noise').fill('0.2');
  await expect(page.getByTestId('flipped-count')).toContainText('flipped labels');
  await page.getByTestId('calibration-bins').fill('10');
  await page.getByTestId('view-toggle-calibration').click();
  const panel = page.getByTestId('calibration-panel');
  await expect(panel).toBeVisible();
  // Opening a view or changing the bins must not restart training: train, then look.
  await page.getByTestId('step-size').selectOption('1000');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(1000);
  const diagram = page.getByTestId('reliability-diagram');
  await expect(diagram).toHaveAttribute('data-bins', '10');
  await expect(diagram.locator('[data-bin]')).toHaveCount(10);
  await expect(page.getByTestId('calibration-binary-note')).toBeVisible();
  const ece = await number(page.getByTestId('ece').textContent());
  expect(ece).toBeGreaterThan(0);
  expect(ece).toBeLessThan(1);
  await page.getByTestId('temperature-toggle').check();
  const temperature = await number(page.getByTestId('temperature-value').textContent());
  expect(temperature).toBeGreaterThan(0);
  const scaled = await number(page.getByTestId('ece-scaled').textContent());
  expect(Number.isFinite(scaled)).toBe(true);
  expect(scaled).not.toBe(ece);
  // Changing the bin count re-bins at the next calibration without resetting the run.
  await page.getByTestId('calibration-bins').fill('5');
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect(diagram).toHaveAttribute('data-bins', '5');
  // Same run, not a restart: it goes on to step 1100 rather than starting again from 0.
  await expect.poll(async () => (await app.snapshot()).step).toBe(1100);
  await app.screenshot('calibration');
});

test('sharpness under SGD with its 2/η line, and gradient telemetry', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('optimizer').selectOption('sgd');
  await page.getByTestId('learning-rate').fill('-0.5'); // η ≈ 0.32
  await page.getByTestId('view-toggle-sharpness').click();
  await page.getByTestId('view-toggle-telemetry').click();
  await expect(page.getByTestId('sharpness-waiting')).toBeVisible();
  await page.getByTestId('step-size').selectOption('1000');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(1000);
  // The chart is a canvas: it lists the curves it drew, the 2/η line among them.
  const drawn = async () => JSON.parse((await page.getByTestId('sharpness-chart').getAttribute('data-series')) ?? '[]') as string[];
  await expect.poll(drawn).toContain('sharpness-threshold');
  const eigenvalue = await number(page.getByTestId('sharpness-value').textContent());
  expect(eigenvalue).toBeGreaterThan(0);
  const threshold = await number(page.getByTestId('sharpness-threshold-value').textContent());
  expect(threshold).toBeCloseTo(2 / 10 ** -0.5, 1);
  await expect(page.getByTestId('gradient-norm')).not.toHaveText('—');
  await expect(page.getByTestId('distance-from-init')).not.toHaveText('—');
  // Adagrad has no stability line for plain λ_max: the line goes and a note says why.
  await page.getByTestId('optimizer').selectOption('adagrad');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('sharpness-no-threshold')).toBeVisible({ timeout: 60_000 });
  await expect.poll(drawn).not.toContain('sharpness-threshold');
  await expect(page.getByTestId('sharpness-threshold-value')).toHaveText('—');
  await app.screenshot('sharpness');
});

test('a schedule shows its learning-rate curve and drives the learning rate', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('schedule').selectOption('cosine');
  // Charts out of view are drawn when they come into view.
  await page.getByTestId('schedule-preview').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('schedule-preview')).toHaveAttribute('data-series', /\[".+"\]/);
  await page.getByTestId('total-steps').fill('200');
  await page.getByTestId('total-steps').press('Enter');
  await page.getByTestId('view-toggle-telemetry').click();
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step).toBe(100);
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step).toBe(200);
  // Cosine from 0.03 to 0 over 200 steps: at step 200 the rate is ~0.
  // The last telemetry point arrives with the closing frame; wait for it rather than race it.
  await expect.poll(async () => number(page.getByTestId('telemetry-learning-rate').textContent())).toBeLessThan(0.001);
});
