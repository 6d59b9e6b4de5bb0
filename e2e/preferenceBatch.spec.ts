import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('a preference run trains on the minibatch size chosen in the Optimizer panel, which the link keeps', async ({ page }) => {
  const app = new AppPage(page);
  // Two DPO runs alike: only the batch size chosen below sets B apart.
  await app.open('?backend=wasm&task=preference&points=120&layers=1&width=8&loss=dpo&run2.loss=dpo&seed=3');
  await page.getByTestId('run-tab-1').click();
  await page.getByTestId('batch-size').selectOption('16');
  await expect(page).toHaveURL(/[?&]run2\.batch=16(&|$)/);
  await expect(page.getByTestId('run-tab-1')).toContainText('batch 16');
  await page.getByTestId('step-size').selectOption('10');
  await page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.runs.map((r) => r.step).join() === '10,10' && !s.playing; }).toBe(true);
  const [full, batched] = (await app.snapshot()).runs.map((r) => r.lastLoss!);
  expect(Number.isFinite(batched)).toBe(true);
  // Step 10's loss is of 16 prompts for B and of all 120 for A: from the same weights, they differ.
  expect(Math.abs(batched! - full!)).toBeGreaterThan(1e-4);

  // The link opens the same experiment again.
  await page.reload();
  await expect(page.getByTestId('run-tab-1')).toContainText('batch 16');
});
