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

test('Pause stops a preference comparison: Play comes back, the steps stop, and Play goes on from there', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&task=preference&points=120&layers=1&width=8&loss=dpo&run2.loss=npo');
  await app.play();
  await expect.poll(async () => (await app.snapshot()).runs[0]?.step ?? 0, { timeout: 60_000 }).toBeGreaterThan(5);
  await app.pause(); // the Pause button; waits for the app to say training stopped
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.getByTestId('step')).toBeEnabled();
  const stopped = (await app.snapshot()).runs.map((r) => r.step);
  await page.waitForTimeout(500);
  expect((await app.snapshot()).runs.map((r) => r.step)).toEqual(stopped);
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step).join()).not.toBe(stopped.join());
});
