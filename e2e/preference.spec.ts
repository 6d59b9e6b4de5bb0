import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** The lesson's setting (src/lessons/preference/dpoEntanglement.ts) as a link: DPO (run A) against RPO (run B). */
const DPO_VS_RPO = '?backend=wasm&task=preference&points=120&layers=2&width=16&act=tanh&loss=dpo&loss.beta=0.5&lr=0.01&steps=60&preference.responses=5&run2.loss=rpo&run2.loss.beta=0.5&run2.loss.eta=1';

async function readout(page: Page, run: number, key: string): Promise<number> {
  const cell = page.getByTestId('preference-readout').locator(`tr[data-run="${run}"] td[data-key="${key}"]`);
  return Number(await cell.getAttribute('data-value'));
}

test('DPO vs RPO: under DPO both log-probabilities fall while RPO keeps log π(y_w) up', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(DPO_VS_RPO);
  await expect(page.getByTestId('preference-panel')).toHaveAttribute('data-family', 'preference');
  await expect(page.getByTestId('run-tab-1')).toContainText('RPO');
  await app.play(); // Play stops at T = 60
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 90_000 }).toEqual([60, 60]);
  await expect.poll(async () => (await app.snapshot()).playing).toBe(false);
  // The last frame's numbers land with the next repaint.
  await expect.poll(() => readout(page, 1, 'logChosen').catch(() => NaN)).not.toBeNaN();
  const dpoChosen = await readout(page, 0, 'logChosen');
  const dpoRejected = await readout(page, 0, 'logRejected');
  const rpoChosen = await readout(page, 1, 'logChosen');
  expect(dpoChosen, 'DPO: Δ log π(y_w)').toBeLessThan(-0.3);
  expect(dpoRejected, 'DPO: Δ log π(y_l)').toBeLessThan(-0.3);
  expect(await readout(page, 0, 'margin'), 'DPO: margin').toBeGreaterThan(1);
  expect(rpoChosen, 'RPO: Δ log π(y_w)').toBeGreaterThanOrEqual(0);
  // Both runs' chosen and rejected curves are drawn in the log-probability chart.
  await expect(page.getByTestId('preference-chart-logprob')).toHaveAttribute(
    'data-series',
    JSON.stringify(['run0-logChosen', 'run0-logRejected', 'run1-logChosen', 'run1-logRejected']),
  );
  await expect(page.getByTestId('boundary').first()).toBeVisible();
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `e2e/screenshots/preference-${width}.png` });
  }
});

test('gradient ascent vs NPO: the unlearning view shows the retain set collapsing under gradient ascent only', async ({ page }) => {
  const app = new AppPage(page);
  // The unlearning lesson's setting (src/lessons/preference/npoUnlearning.ts).
  await app.open('?backend=wasm&task=preference&points=120&layers=2&width=16&act=tanh&loss=ga&opt=sgd&lr=0.15&steps=40&preference.responses=5&preference.warmupSteps=150&run2.loss=npo&run2.loss.beta=1');
  await expect(page.getByTestId('preference-panel')).toHaveAttribute('data-family', 'unlearning');
  await app.play();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 90_000 }).toEqual([40, 40]);
  await expect.poll(() => readout(page, 1, 'retainProb').catch(() => NaN)).not.toBeNaN();
  expect(await readout(page, 0, 'retainProb'), 'GA: retain-set π').toBeLessThan(0.5);
  expect(await readout(page, 1, 'retainProb'), 'NPO: retain-set π').toBeGreaterThan((await readout(page, 0, 'retainProb')) + 0.2);
  await expect(page.getByTestId('preference-chart-sets')).toHaveAttribute('data-series', JSON.stringify(['run0-forgetProb', 'run0-retainProb', 'run1-forgetProb', 'run1-retainProb']));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e/screenshots/preference-unlearning-1366.png' });
});
