import { expect, test } from '@playwright/test';
import { AppPage } from './app';

/** Steps `steps` (a multiple of 100) with the Step control. */
async function stepBy(app: AppPage, steps: number): Promise<void> {
  const { page } = app;
  await page.getByTestId('step-size').selectOption('100');
  const start = (await app.snapshot()).step;
  for (let done = start + 100; done <= start + steps; done += 100) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === done && !s.playing; }).toBe(true);
  }
}

async function readoutValue(app: AppPage, testId: string): Promise<number> {
  return Number(await app.page.getByTestId(testId).getAttribute('data-value'));
}

test('a regression picked in the data panel trains HL-Gauss to a test MSE far below predicting the mean, and a copied link keeps it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await expect(page.getByTestId('view-toggle-calibration')).toBeVisible();
  await page.getByTestId('task').selectOption('regression');
  await expect(page.getByTestId('regression-output')).toBeVisible();
  // Calibration reads class probabilities: a regression does not offer it.
  await expect(page.getByTestId('view-toggle-calibration')).toHaveCount(0);
  await expect(page.getByTestId('view-toggle-sharpness')).toBeVisible();
  await page.getByTestId('dataset').selectOption('sine');
  await page.getByTestId('loss').selectOption('hl-gauss');
  await expect(page.getByTestId('loss-formula')).toBeVisible();
  await expect(page.getByTestId('loss-note')).toContainText('Farebrother');
  await expect(page.getByTestId('loss-param-sigma')).toHaveValue('0.75');
  // Before training: the untrained model is no better than the mean.
  await expect(page.getByTestId('regression-test-mse')).toBeVisible();
  await stepBy(app, 300);
  await expect(page.getByTestId('regression-readout')).toHaveAttribute('data-step', '300');
  const test = await readoutValue(app, 'regression-test-mse');
  const baseline = await readoutValue(app, 'regression-baseline-mse');
  expect(baseline).toBeGreaterThan(0.3); // sin(πx) has variance ½ on [−1, 1]
  expect(test).toBeLessThan(0.2 * baseline);
  await expect(page.getByTestId('boundary')).toHaveAttribute('data-view', 'fit');
  await app.screenshot('regression-1366');
  await page.getByTestId('regression-view-residuals').click();
  await expect(page.getByTestId('boundary')).toHaveAttribute('data-view', 'residuals');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('regression-view-fit').click();
  await app.screenshot('regression-1920');

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Copied');
  const search = new URL(await page.evaluate(() => navigator.clipboard.readText())).search;
  expect(search).toContain('task=regression');
  expect(search).toContain('loss=hl-gauss');
  const other = new AppPage(await context.newPage());
  await other.open(search);
  await expect(other.page.getByTestId('task')).toHaveValue('regression');
  await expect(other.page.getByTestId('dataset')).toHaveValue('sine');
  await expect(other.page.getByTestId('loss')).toHaveValue('hl-gauss');
  await expect(other.page.getByTestId('notices')).toHaveCount(0);
  expect((await other.snapshot()).pointsChecksum).toBe((await app.snapshot()).pointsChecksum);
});

test('a two-input regression draws its output over the plane; a classification dataset in a regression link gets a notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&task=regression&data=multi-gauss&loss=huber&loss.delta=0.5');
  await expect(page.getByTestId('loss-param-delta')).toHaveValue('0.5');
  await stepBy(app, 200);
  expect(await readoutValue(app, 'regression-test-mse')).toBeLessThan(await readoutValue(app, 'regression-baseline-mse'));
  await app.screenshot('regression-plane');
  const wrong = new AppPage(await page.context().newPage());
  await wrong.open('?backend=wasm&task=regression&data=spiral');
  await expect(wrong.page.getByTestId('notices')).toContainText(/data=spiral is not one of plane, multi-gauss, sine, .* → sine/);
  await expect(wrong.page.getByTestId('dataset')).toHaveValue('sine');
});
