import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('AnyLoss names its metrics; Self-adjusting Dice says why α ≥ 1 cannot learn two classes; MAE and the Z-loss open on the logit view', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&loss=anyloss');
  const metric = page.getByTestId('loss-param-metric');
  // The slider's readout is the metric's name, not its index.
  await expect(page.locator('.field', { has: metric }).locator('output')).toHaveText('balanced accuracy');
  await metric.fill('0');
  await expect(page.locator('.field', { has: metric }).locator('output')).toHaveText('F1');
  await metric.fill('4');
  await expect(page.locator('.field', { has: metric }).locator('output')).toHaveText('G-mean');

  await page.getByTestId('loss').selectOption('dice');
  await expect(page.getByTestId('loss-unavailable')).toHaveCount(0);
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.getByTestId('loss-param-alpha').fill('1');
  await expect(page.getByTestId('loss-unavailable')).toContainText('p_y = 1/(1 + α) = 0.50');
  await expect(page.getByTestId('play')).toBeDisabled();
  await page.getByTestId('loss-param-alpha').fill('0.5');
  await expect(page.getByTestId('loss-unavailable')).toHaveCount(0);

  // The loss shape may sit closed in the views dock: open it.
  if ((await page.getByTestId('loss-shape-axis').count()) === 0) await page.getByTestId('view-toggle-lossShape').click();
  await page.getByTestId('loss').selectOption('mae');
  await expect(page.getByTestId('loss-shape-axis')).toHaveValue('logit');
  await expect(page.getByTestId('loss-note')).toContainText('−2 p_y(1 − p_y)');
  await app.screenshot('loss-shape-mae-logit');
  await page.getByTestId('loss-shape-axis').selectOption('probability');
  await expect(page.getByTestId('loss-shape-axis')).toHaveValue('probability');
});
