import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('trains until the loss halves, naming the backend', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const badge = page.getByTestId('backend-badge');
  const backend = await badge.getAttribute('data-backend');
  expect(['webgpu', 'wasm', 'webgl', 'cpu']).toContain(backend);
  await expect(badge).toContainText(backend!);
  const after = await app.trainUntilLossBelow(0.5);
  expect(after.backend).toBe(backend);
  expect(after.step).toBeGreaterThan(0);
  // The numbers on screen are the numbers trained.
  await expect(page.getByTestId('train-loss')).not.toHaveText('—');
  await expect(page.getByTestId('step-count')).toContainText(after.step.toLocaleString('en'));
  // The canvas lists the curves it drew.
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-series', JSON.stringify(['train', 'validation']));
  await app.screenshot('trained');
});

test('changing the dataset changes the points', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const before = await app.snapshot();
  await page.getByTestId('dataset').selectOption('spiral');
  await expect.poll(async () => (await app.snapshot()).pointsChecksum).not.toBe(before.pointsChecksum);
  await page.getByTestId('points').fill('1000');
  await expect.poll(async () => (await app.snapshot()).points).toBe(1000);
  await expect(page.getByTestId('boundary')).toHaveAttribute('data-points', '1000');
  await app.screenshot('spiral');
});

for (const backend of ['cpu', 'wasm'] as const) {
  test(`trains on the ${backend} backend when the URL asks for it`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?backend=${backend}`);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
    await expect(page.getByTestId('backend-badge')).toContainText('chosen in the URL');
    const after = await app.trainUntilLossBelow(0.5);
    expect(after.backend).toBe(backend);
  });
}

test('a diverging run stops with its step and the app stays usable', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('optimizer').selectOption('sgd');
  await page.getByTestId('loss').selectOption('mse');
  await page.getByTestId('learning-rate').fill('2'); // log10: learning rate 100
  await app.play();
  await expect(page.getByTestId('diverged')).toContainText(/Diverged at step \d+/, { timeout: 60_000 });
  await expect(page.getByTestId('play')).toBeDisabled();
  // The landscape says why it has no surface, and the numbers stay short.
  await expect(page.getByTestId('landscape-diverged')).toContainText(/diverged at step \d+/);
  await expect(page.getByTestId('landscape-error')).toHaveCount(0);
  await expect(page.getByTestId('landscape-surface')).toBeHidden();
  expect((await page.getByTestId('train-loss').innerText()).length).toBeLessThanOrEqual(10);
  // Lowering the learning rate starts a fresh run that trains.
  await page.getByTestId('learning-rate').fill('-1');
  await expect(page.getByTestId('diverged')).toHaveCount(0);
  await expect(page.getByTestId('landscape-surface')).toBeVisible();
  const after = await app.trainUntilLossBelow(0.9);
  expect(after.diverged).toBeNull();
});

test('an unknown backend in the URL is reported and the app picks one', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=quantum');
  await expect(page.getByTestId('notices')).toContainText('quantum');
  expect((await app.snapshot()).backend).not.toBeNull();
});
