import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

// Faults the app must survive without losing the run: a trainer worker that dies, a surveyor
// that cannot start, storage that is blocked or full.

/** Collects uncaught page errors, to check that none happened. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Trains `steps` more steps (a multiple of `size`) with the Step control; returns the snapshot where it stopped. */
async function stepBy(app: AppPage, steps: number, size = 100) {
  const { page } = app;
  await page.getByTestId('step-size').selectOption(String(size));
  const start = (await app.snapshot()).step;
  for (let done = size; done <= steps; done += size) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === start + done && !s.playing; }).toBe(true);
  }
  return app.snapshot();
}

test('a trainer worker that dies is restarted, and plain SGD goes on exactly as if it had not', async ({ browser }) => {
  // The cpu backend is deterministic, and SGD without momentum has no optimizer state to lose:
  // 200 steps, a crash, 100 more steps must give the loss of 300 steps without a crash.
  const link = '?backend=cpu&data=moons&points=300&opt=sgd&lr=0.3&batch=32&seed=5';
  const page = await browser.newPage();
  const errors = pageErrors(page);
  const app = new AppPage(page);
  await app.open(link);
  const before = await stepBy(app, 200);
  expect(before.step).toBe(200);

  await page.evaluate(() => window.__losscape!.crashTrainer());
  const notice = page.getByTestId('fault-notices');
  await expect(notice).toContainText('The training worker stopped (it was terminated); a new one resumed from step 200 with the weights it last sent.');
  await expect(notice).toContainText("optimizer's state");
  // The new worker's first frame is at the resumed step, with the same held-out loss.
  await expect.poll(async () => (await app.snapshot()).step).toBe(200);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
  const resumedAt = await app.snapshot();
  expect(resumedAt.validationLoss).not.toBeNull();
  expect(Math.abs(resumedAt.validationLoss! - before.validationLoss!)).toBeLessThanOrEqual(1e-6);
  const after = await stepBy(app, 100);
  expect(after.step).toBe(300);

  const reference = new AppPage(await browser.newPage());
  await reference.open(link);
  const unbroken = await stepBy(reference, 300);
  expect(after.lastLoss).not.toBeNull();
  expect(Math.abs(after.lastLoss! - unbroken.lastLoss!)).toBeLessThanOrEqual(1e-5);
  expect(Math.abs(after.validationLoss! - unbroken.validationLoss!)).toBeLessThanOrEqual(1e-5);
  expect(errors).toEqual([]);
});

test('a worker that dies while playing comes back playing, from the step of its last weights', async ({ page }) => {
  const errors = pageErrors(page);
  const app = new AppPage(page);
  await app.open('?backend=cpu&data=spiral&steps=100000');
  await app.play();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(300);
  const crashedAt = await page.evaluate(() => window.__losscape!.crashTrainer());
  const notice = page.getByTestId('fault-notices');
  await expect(notice).toContainText(/a new one resumed from step \d+ with the weights it last sent/);
  const resumedFrom = Number(/from step (\d+)/.exec((await notice.textContent()) ?? '')![1]);
  // Weights travel about ten times a second: the resumed step is the last of them, not step 0.
  expect(resumedFrom).toBeGreaterThan(0);
  expect(resumedFrom).toBeLessThanOrEqual(crashedAt);
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(crashedAt + 200);
  const s = await app.snapshot();
  expect(s.playing).toBe(true);
  expect(Number.isFinite(s.lastLoss)).toBe(true);
  expect(s.lastLoss!).toBeLessThan(s.firstLoss!);
  await app.pause();
  await page.getByTestId('fault-notices').getByRole('button', { name: 'dismiss' }).click();
  await expect(page.getByTestId('fault-notices')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a lost WebGPU device hands training to WASM, from the same step with the same loss', async ({ page }) => {
  const errors = pageErrors(page);
  const app = new AppPage(page);
  // A software adapter (SwiftShader) trains a few steps a second: few steps, and no landscape.
  await app.open('?backend=webgpu&data=moons&points=200&opt=sgd&lr=0.3&seed=2&landscape.open=false');
  const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
  test.skip(backend !== 'webgpu', `no WebGPU adapter here (the trainer runs on ${backend})`);
  const before = await stepBy(app, 10, 10);
  expect(before.step).toBe(10);

  // Destroying the device is what a lost device does to the backend: device.lost resolves.
  await page.evaluate(() => window.__losscape!.loseWebGPUDevice());
  await expect(page.getByTestId('fault-notices')).toContainText('The training worker stopped (its WebGPU device was lost: destroyed');
  await expect(page.getByTestId('fault-notices')).toContainText('a new one on wasm resumed from step 10 with the weights it last sent');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect.poll(async () => (await app.snapshot()).step).toBe(10);
  // The same weights evaluated on another backend: equal up to float32 rounding.
  const resumed = await app.snapshot();
  expect(Math.abs(resumed.validationLoss! - before.validationLoss!)).toBeLessThanOrEqual(1e-4 * Math.max(1, before.validationLoss!));
  const after = await stepBy(app, 100);
  expect(after.step).toBe(110);
  expect(after.lastLoss!).toBeLessThan(after.firstLoss!);
  expect(errors).toEqual([]);
});

test('a surveyor that cannot start says so in the landscape panel, and training goes on', async ({ page }) => {
  const errors = pageErrors(page);
  // The surveyor's script does not load: its worker reports an error instead of starting.
  await page.route(/surveyor\.worker[^/]*\.js/, (route) => route.abort());
  const app = new AppPage(page);
  await app.open('?backend=cpu&data=xor');
  await expect(page.getByTestId('landscape-error')).toContainText('The surveyor worker failed');
  await app.play();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(200);
  await app.pause();
  expect((await app.snapshot()).lastLoss).not.toBeNull();
  expect(errors).toEqual([]);
});

for (const [name, script] of [
  [
    'blocked',
    () => {
      const blocked = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
      Object.defineProperty(window, 'sessionStorage', { get: blocked, configurable: true });
    },
  ],
  [
    'full',
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  ],
] as const) {
  test(`storage that is ${name} does not break the page`, async ({ page }) => {
    const errors = pageErrors(page);
    await page.addInitScript(script);
    const app = new AppPage(page);
    await app.open('?backend=cpu&data=moons');
    await page.getByTestId('dataset').selectOption('circle');
    await expect(page).toHaveURL(/^[^?]*\?v=1&backend=cpu$/);
    const s = await stepBy(app, 100);
    expect(s.lastLoss).not.toBeNull();
    expect(errors).toEqual([]);
  });
}
