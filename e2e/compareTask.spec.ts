import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Steps 200 with the Step control (two clicks of 100), waiting for every run's numbers. */
async function stepTwice(app: AppPage, runs: number): Promise<void> {
  const { page } = app;
  await page.getByTestId('step-size').selectOption('100');
  for (const done of [100, 200]) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 60_000 }).toEqual(Array.from({ length: runs }, () => done));
  }
}

async function columns(page: Page): Promise<string[]> {
  return page.getByTestId('summary-table').locator('td').evaluateAll((cells) => [...new Set(cells.map((c) => c.getAttribute('data-column') ?? ''))]);
}

async function expectFinite(page: Page, row: number, column: string): Promise<void> {
  const text = await page.getByTestId('summary-row').nth(row).locator(`[data-column="${column}"]`).textContent();
  expect(Number.isFinite(Number(text)), `row ${row} ${column} = ${text}`).toBe(true);
}

test('a regression comparison compares MSE and MAE, charts validation MSE and draws each run’s fit', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&task=regression&data=sine&loss=hl-gauss&run2.loss=mse');
  await stepTwice(app, 2);
  await expect(page.getByTestId('summary-table')).toHaveAttribute('data-task', 'regression');
  const shown = await columns(page);
  for (const absent of ['trainAccuracy', 'testAccuracy', 'testBalancedAccuracy', 'testMacroF1', 'minorityRecall', 'ece', 'eceScaled']) expect(shown).not.toContain(absent);
  for (let r = 0; r < 2; r++) for (const column of ['trainLoss', 'trainMse', 'testMse', 'testMae']) await expectFinite(page, r, column);
  await expect(page.getByTestId('summary-table')).not.toContainText('NaN');
  // The charts are the task's own: validation MSE, no accuracy or ECE.
  await expect(page.getByTestId('compare-accuracy')).toHaveCount(0);
  await expect(page.getByTestId('compare-ece')).toHaveCount(0);
  await expect(page.getByTestId('compare-validation-mse')).toBeVisible();
  await expect(page.getByTestId('reliability-multiple-0')).toHaveCount(0);
  // Each run's fit, not a class boundary: the prediction curve in the fit's blue is drawn.
  await expect(page.getByTestId('boundary-multiple')).toHaveCount(0);
  const fits = page.getByTestId('fit-multiple');
  await expect(fits).toHaveCount(2);
  for (let r = 0; r < 2; r++) {
    await expect(fits.nth(r)).toHaveAttribute('data-fitted', 'yes');
    const blue = await fits.nth(r).evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let k = 0; k < data.length; k += 4) if (Math.abs(data[k]! - 0) < 40 && Math.abs(data[k + 1]! - 114) < 40 && Math.abs(data[k + 2]! - 178) < 40) n++;
      return n;
    });
    expect(blue, `run ${r}'s fit curve`).toBeGreaterThan(100);
  }
  await app.screenshot('compare-regression');
});

