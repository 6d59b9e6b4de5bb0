import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

const number = async (page: Page, testId: string): Promise<number> => Number(await page.getByTestId(testId).textContent());

test('imbalanced classes: balanced accuracy, macro-F1, per-class recall and the minority class on screen and in the table', async ({ page }) => {
  const app = new AppPage(page);
  // The imbalance lesson's data: overlapping moons, one class a tenth of the points; CE against logit-adjusted CE.
  await app.open('?backend=wasm&data=moons&points=600&noise=1&minority=0.1&dseed=5&layers=1&width=16&run2.loss=logit-adjusted');
  await page.getByTestId('step-size').selectOption('100');
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(100 * i);
  }
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step)).toEqual([300, 300]);

  const readout = page.getByTestId('class-metrics');
  await expect(readout).toBeVisible();
  await expect(page.getByTestId('minority-class')).not.toHaveText('—');
  const minority = (await page.getByTestId('minority-class').textContent())!;
  expect(minority).toMatch(/^class \d$/);
  const balanced = await number(page, 'test-balanced-accuracy');
  const macroF1 = await number(page, 'test-macro-f1');
  for (const value of [balanced, macroF1]) expect(value > 0 && value <= 1, `${value}`).toBe(true);
  // Balanced accuracy is the mean of the recalls shown beside it (each rounded to 3 decimals).
  const recalls = await Promise.all([0, 1].map(async (k) => Number((await page.getByTestId(`test-recall-${k}`).textContent())!.split(' ').at(-1))));
  expect(Math.abs(balanced - (recalls[0]! + recalls[1]!) / 2)).toBeLessThan(0.0015);

  // The comparison table has the same numbers per run, and names the minority class in its header.
  const rows = page.getByTestId('summary-row');
  await expect(rows).toHaveCount(2);
  for (let r = 0; r < 2; r++) {
    for (const column of ['testBalancedAccuracy', 'testMacroF1', 'minorityRecall']) {
      const text = await rows.nth(r).locator(`[data-column="${column}"]`).textContent();
      expect(Number.isFinite(Number(text)), `row ${r} ${column} = ${text}`).toBe(true);
    }
  }
  await expect(page.getByTestId('sort-minorityRecall')).toHaveText(`test recall of ${minority}`);
  await app.screenshot('class-metrics');
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await readout.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/screenshots/class-metrics-${width}.png` });
  }
});
