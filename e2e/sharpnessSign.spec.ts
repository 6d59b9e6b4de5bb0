import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Whether the sharpness chart drew this series: a canvas lists what it drew in data-series, an SVG chart has a path with the test id. */
async function drawn(page: Page, series: string): Promise<boolean> {
  const listed = await page.getByTestId('sharpness-chart').getAttribute('data-series');
  if (listed !== null) return (JSON.parse(listed) as string[]).includes(series);
  return (await page.locator(`path[data-testid="${series}"][d^="M"]`).count()) > 0;
}

test('a negative dominant Hessian eigenvalue is called λ_min, drawn as |λ| on the log scale, and its sign said', async ({ page }) => {
  const app = new AppPage(page);
  // MAE on noisy spiral data: the saturated, badly wrong examples curve the loss downward, and
  // power iteration's eigenvalue of largest magnitude is negative at steps 100–300 (measured on cpu and wasm).
  await app.open('?backend=wasm&data=spiral&points=200&label-noise=0.3&loss=mae');
  if ((await page.getByTestId('sharpness-log').count()) === 0) await page.getByTestId('view-toggle-sharpness').click();
  await page.getByTestId('step-size').selectOption('100');
  for (let i = 1; i <= 2; i++) {
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(100 * i);
  }
  await expect(page.getByTestId('sharpness-negative-note')).toBeVisible();
  await expect(page.getByTestId('sharpness-value-name')).toHaveText('λ_min');
  const value = Number((await page.getByTestId('sharpness-value').textContent())!.replace('−', '-'));
  expect(value).toBeLessThan(0);
  // Linear scale: the negative estimates are marked below zero.
  await page.getByTestId('sharpness-chart').scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(page, 'sharpness-negative')).toBe(true);
  await page.getByTestId('sharpness-log').check();
  await expect(page.getByTestId('sharpness-negative-note')).toContainText('|λ|');
  // On the log scale the curve is |λ|: it draws (negative values alone would leave it empty).
  await expect.poll(() => drawn(page, 'sharpness-eigenvalue')).toBe(true);
  await expect.poll(() => drawn(page, 'sharpness-negative')).toBe(true);
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('sharpness-negative-note').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/screenshots/sharpness-negative-${width}.png` });
  }
});
