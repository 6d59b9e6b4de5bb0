import { expect, test } from '@playwright/test';
import { AppPage } from './app';

// Each backend forced in the URL still trains, and the badge names the trainer's and the
// surveyor's choices. WebGPU here is SwiftShader (software): a few steps prove it trains.
for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
  test(`?backend=${backend} trains on ${backend}, and the badge names both workers' choices`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?backend=${backend}`);
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-backend', backend);
    await expect(badge).toContainText(`training on ${backend}`);
    await expect(badge).toContainText('chosen in the URL');
    await expect(badge).toHaveAttribute('data-landscape-backend', backend);
    await expect(page.getByTestId('landscape-backend')).toContainText(`landscape on ${backend}`);
    const steps = backend === 'webgpu' ? 3 : 30;
    await page.evaluate((n) => window.__losscape!.client.step(n), steps);
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 90_000 }).toBe(steps);
    const after = await app.snapshot();
    expect(after.backend).toBe(backend);
    expect(Number.isFinite(after.lastLoss)).toBe(true);
  });
}

test('without ?backend= each worker times its workload: training and landscape rates on the badge', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toContainText(/training on (wasm|webgpu), \d+ steps\/s/);
  const tooltip = await badge.getAttribute('title');
  expect(tooltip).toMatch(/(wasm|webgpu): \d+ steps\/s/);
  // The surveyor chooses when its first surface is asked for: open the landscape and train.
  await page.evaluate(() => {
    const hook = window.__losscape!;
    hook.setConfig({ landscape: { open: true, resolution: 21 } });
  });
  await page.evaluate(() => window.__losscape!.client.step(20));
  const landscape = page.getByTestId('landscape-backend');
  await expect(landscape).toContainText(/landscape on (wasm|webgpu)\/(looped|perPoint|batched|stacked2d), [\d.]+ m?s per 51×51/, { timeout: 90_000 });
  await expect(badge).toHaveAttribute('data-landscape-strategy', /looped|perPoint|batched|stacked2d/);
  expect(await badge.getAttribute('title')).toMatch(/\/looped: [\d.]+ m?s per 51×51/);
  await app.screenshot('backend-badge');
});
