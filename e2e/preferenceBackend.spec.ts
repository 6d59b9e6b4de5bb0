import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('without ?backend= a preference run trains on the backend timed fastest for its own workload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?task=preference&points=120&layers=1&width=8&loss=dpo&run2.loss=npo&preference.warmupSteps=40&landscape.open=false');
  const badge = page.getByTestId('backend-badge');
  // The choice is made for the preference workload (its own size class), with its measured rate.
  await expect(badge).toHaveAttribute('data-size-class', /^train:\d+:preference$/);
  await expect(badge).toContainText(/training on (wasm|webgpu), \d+ steps\/s/);
  expect(await badge.getAttribute('title')).toMatch(/(wasm|webgpu): \d+ steps\/s/);
  await page.getByTestId('step-size').selectOption('10');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step).join()).toBe('10,10');

  // Back to classification: the trainer decides again, for that workload.
  await page.evaluate(() => window.__losscape!.setConfig({ task: 'classification', landscape: { open: false } }));
  await expect(badge).toHaveAttribute('data-size-class', /^train:\d+$/);
  await expect(badge).toContainText(/training on (wasm|webgpu), \d+ steps\/s/);
});
