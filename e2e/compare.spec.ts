import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('CE vs MAE vs GCE on 30% label noise: three rows of finite numbers and three overlaid curves', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await page.getByTestId('label-noise').fill('0.3');
  await page.getByTestId('view-toggle-calibration').click();
  // Run A keeps cross-entropy; each "+" adds a run from the same data and initial weights.
  await page.getByTestId('run-add').click();
  await page.getByTestId('loss').selectOption('mae');
  await page.getByTestId('run-add').click();
  await page.getByTestId('loss').selectOption('gce');
  await expect(page.getByTestId('run-tab-0')).toHaveText('A · CE');
  await expect(page.getByTestId('run-tab-1')).toHaveText('B · MAE');
  await expect(page.getByTestId('run-tab-2')).toHaveText('C · GCE');
  await page.getByTestId('step-size').selectOption('100');
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(100 * i);
  }
  // The step counter comes with the status; each run's numbers land with its next repaint.
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step)).toEqual([500, 500, 500]);
  const rows = page.getByTestId('summary-row');
  await expect(rows).toHaveCount(3);
  for (let r = 0; r < 3; r++) {
    for (const column of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'ece', 'eceScaled']) {
      const text = await rows.nth(r).locator(`[data-column="${column}"]`).textContent();
      expect(Number.isFinite(Number(text)), `row ${r} ${column} = ${text}`).toBe(true);
    }
    await expect(rows.nth(r).locator('[data-column="diverged"]')).toHaveText('no');
  }
  // The loss chart overlays one training curve per run (and one validation curve each).
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-series', JSON.stringify(['train-A', 'validation-A', 'train-B', 'validation-B', 'train-C', 'validation-C']));
  await expect(page.getByTestId('boundary-multiple')).toHaveCount(3);
  // Sorting by test accuracy orders the rows by it.
  await page.getByTestId('sort-testAccuracy').click();
  const accuracies = await rows.locator('[data-column="testAccuracy"]').allTextContents();
  expect(accuracies.map(Number)).toEqual([...accuracies.map(Number)].sort((a, b) => a - b));
  await app.screenshot('compare');
});

test('a diverging run stops alone while the others go on', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('run-add').click();
  await page.getByTestId('loss').selectOption('mse');
  await page.getByTestId('optimizer').selectOption('sgd');
  await page.getByTestId('learning-rate').fill('2'); // η = 100 on MSE: diverges at once
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('diverged')).toContainText(/Run B · MSE, SGD, lr 100 diverged at step \d+/);
  await expect.poll(async () => (await app.snapshot()).runs[0]!.step).toBe(100);
  await expect(page.getByTestId('step')).toBeEnabled();
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs[0]!.step).toBe(200);
  const snapshot = await app.snapshot();
  expect(snapshot.runs[1]!.diverged).not.toBeNull();
  expect(snapshot.runs[1]!.step).toBeLessThan(100);
  await expect(page.getByTestId('summary-row').nth(1).locator('[data-column="diverged"]')).toContainText('at step');
  // Run A's curve keeps the loss chart's height: the axis tops out near A's losses, not B's 1e30s.
  await expect.poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-y-top'))).toBeLessThan(10);
});
