import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

// A preference comparison survives its trainer worker dying, as classification does (faults.spec.ts).

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Trains `steps` more steps in Step requests of 100; returns the snapshot where it stopped. */
async function stepBy(app: AppPage, steps: number) {
  const { page } = app;
  await page.getByTestId('step-size').selectOption('100');
  const start = (await app.snapshot()).step;
  for (let done = 100; done <= steps; done += 100) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === start + done && !s.playing; }).toBe(true);
  }
  return app.snapshot();
}

test('a preference comparison (DPO vs NPO) whose trainer worker dies resumes, and plain SGD goes on exactly as if it had not', async ({ browser }) => {
  // The cpu backend is deterministic and plain SGD has no optimizer state to lose: 200 steps, a
  // crash and 100 more must give every run the losses of 300 unbroken steps.
  // No landscape: the surveyor would share the two cores with the two trainers.
  const link = '?backend=cpu&task=preference&points=120&layers=1&width=8&preference.warmupSteps=40&loss=dpo&run2.loss=npo&opt=sgd&lr=0.2&seed=5&landscape.open=false';
  const page = await browser.newPage();
  const errors = pageErrors(page);
  const app = new AppPage(page);
  await app.open(link);
  const before = await stepBy(app, 200);
  expect(before.runs.map((r) => r.step)).toEqual([200, 200]);

  await page.evaluate(() => window.__losscape!.crashTrainer());
  const notice = page.getByTestId('fault-notices');
  await expect(notice).toContainText('The training worker stopped (it was terminated); a new one resumed from step 200 with the weights it last sent.');
  await expect.poll(async () => (await app.snapshot()).step).toBe(200);
  const after = await stepBy(app, 100);
  expect(after.runs.map((r) => r.step)).toEqual([300, 300]);

  const reference = new AppPage(await browser.newPage());
  await reference.open(link);
  const unbroken = await stepBy(reference, 300);
  for (const run of [0, 1]) {
    const got = after.runs[run]!.lastLoss;
    const want = unbroken.runs[run]!.lastLoss;
    expect(got, `run ${run}`).not.toBeNull();
    expect(Math.abs(got! - want!), `run ${run}: loss at step 300`).toBeLessThanOrEqual(1e-5);
  }
  // Resumed runs keep π_ref (the initial policy): the margin readout matches the unbroken run's.
  const margin = async (p: Page) => Number(await p.getByTestId('preference-readout').locator('tr[data-run="0"] td[data-key="margin"]').getAttribute('data-value'));
  expect(Math.abs((await margin(page)) - (await margin(reference.page)))).toBeLessThanOrEqual(1e-4);
  expect(errors).toEqual([]);
});
