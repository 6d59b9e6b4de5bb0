import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { atEachScreen, layoutReport } from './layoutChecks';

/** Pixels of the plane drawn in the marks' dark outline (boundaryRender.ts MARK_COLOUR); class colours and shades are far lighter. */
function darkPixels(page: Page): Promise<number> {
  return page.getByTestId('boundary').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) < 70) dark++;
    return dark;
  });
}

// No label noise: a swapped pair's cross is drawn in the same dark colour.
const BASE = '?backend=wasm&task=preference&points=120&preference.labelNoise=0&preference.warmupSteps=40&layers=1&width=8';

test('the plane marks the forget set as outlined diamonds and the retain set as dots, with a legend, when a run unlearns', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`${BASE}&loss=dpo&run2.loss=npo`);
  const legend = page.getByTestId('preference-plane-legend');
  // 20 % of 120 prompts (preference.forgetFraction's default) are the forget set.
  await expect(legend.getByTestId('legend-forget')).toHaveAttribute('data-count', '24');
  await expect(legend.getByTestId('legend-forget')).toContainText('forget set (24 prompts)');
  await expect(legend.getByTestId('legend-retain')).toContainText('retain set (96)');
  await expect(page.getByTestId('boundary')).toHaveAttribute('data-forget', '24');
  // 24 outlined diamonds: each outline is a few dozen dark pixels.
  await expect.poll(() => darkPixels(page)).toBeGreaterThan(24 * 15);
  await atEachScreen(page, async (width) => {
    // The legend's marks and counts neither overlap other text nor are cut off.
    const report = await layoutReport(page, 0);
    expect(report.overlaps, `overlapping text at ${width}`).toEqual([]);
    expect(report.cut.filter((c) => /forget|retain|best response/.test(c)), `legend cut at ${width}`).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/preference-forget-${width}.png` });
  });

  // Preference losses alone have no forget set: no marks, and the legend says only what colour and shade are.
  await app.open(`${BASE}&loss=dpo`);
  await expect(legend).toContainText('best response');
  await expect(legend.getByTestId('legend-forget')).toHaveCount(0);
  await expect(page.getByTestId('boundary')).not.toHaveAttribute('data-forget', /.*/);
  expect(await darkPixels(page)).toBeLessThan(20);
});

test('"show test data" is off for a preference run, whose prompts all train, and says why; a classification run keeps it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`${BASE}&loss=dpo&steps=10`);
  const toggle = page.getByTestId('show-test');
  await expect(toggle).toBeDisabled();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('show-test-label')).toHaveAttribute('title', /trains on every prompt: there is no held-out test split/);
  // Every prompt is a training point: a preference run has no validation loss to draw either.
  await app.play(); // Play stops at T = 10
  await expect.poll(async () => (await app.snapshot()).runs[0]!.step, { timeout: 60_000 }).toBe(10);
  await expect.poll(async () => (await app.snapshot()).playing).toBe(false);
  expect((await app.snapshot()).validationLoss).toBeNull();
  await page.getByTestId('show-test-label').click({ force: true });
  await expect(toggle).not.toBeChecked();
  await atEachScreen(page, async (width) => {
    await page.screenshot({ path: `e2e/screenshots/preference-show-test-${width}.png` });
  });

  await app.open('?backend=wasm&points=120');
  await expect(toggle).toBeEnabled();
  await expect(toggle).toBeChecked();
  await expect(page.getByTestId('show-test-label')).toHaveAttribute('title', /validation and test points/);
});
