import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { surfaceInsideCanvas } from './canvasChecks';
import { atEachScreen, insideViewport, layoutReport } from './layoutChecks';
import type { LandscapeSnapshot } from '../src/app/landscapeStore';

const landscape = (page: Page): Promise<LandscapeSnapshot> => page.evaluate(() => window.__losscape!.landscape());

/** The lesson's setting (src/lessons/preference/dpoEntanglement.ts) as a link: DPO (run A) against RPO (run B); the landscapes at 31×31, to keep the test short. */
const DPO_VS_RPO = '?backend=wasm&task=preference&points=120&layers=2&width=16&act=tanh&loss=dpo&loss.beta=0.5&lr=0.01&steps=60&preference.responses=5&run2.loss=rpo&run2.loss.beta=0.5&run2.loss.eta=1&landscape.resolution=31';

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
  // Each run has the landscape of its own objective, surveyed around its weights at T = 60.
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.runs.length === 2 && l.runs.every((r) => r.complete && r.resolution === 31 && r.step === 60) && l.pathPoints > 2;
    }, { timeout: 90_000, intervals: [250] })
    .toBe(true);
  const l = await landscape(page);
  expect(l.runs[0]!.min).not.toBe(l.runs[1]!.min); // DPO's and RPO's objectives differ
  for (const run of [0, 1]) await expect(page.getByTestId(`landscape-multiple-${run}`)).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('landscape-surface-1')).toBeVisible();
  await atEachScreen(page, async (width, height) => {
    await page.screenshot({ path: `e2e/screenshots/preference-${width}.png` });
    // Four core views on one screen: none cut, none overlapping, each whole inside the viewport.
    const report = await layoutReport(page, 0);
    expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
    expect(report.overlaps, 'overlapping text').toEqual([]);
    // A chart's note ends in an ellipsis where its one line is too short (the caption's title holds it whole).
    const titles = await page.locator('.preference-chart figcaption').evaluateAll((captions) => captions.map((c) => c.getAttribute('title') ?? ''));
    const unintended = report.cut.filter((c) => !titles.some((title) => title.includes(c.split('"')[1]!)));
    expect(unintended, 'text cut off by its box').toEqual([]);
    for (const id of ['boundary', 'loss-chart', 'preference-chart-logprob', 'landscape-surface-0', 'landscape-surface-1']) {
      const { box, inside } = await insideViewport(page, id);
      expect(inside, `${id} inside the viewport at ${width}×${height}: ${JSON.stringify(box)}`).toBe(true);
    }
  });
});

test('a DPO run shows the landscape of its objective with the optimizer’s path, in 3-D and as contours, and PCA directions of that path', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&task=preference&points=120&layers=2&width=16&act=tanh&loss=dpo&loss.beta=0.5&lr=0.01&steps=40&preference.responses=5&landscape.resolution=31');
  await expect(page.getByTestId('preference-panel')).toBeVisible();
  await expect(page.getByTestId('landscape-panel')).toBeVisible();
  await app.play(); // Play stops at T = 40
  await expect.poll(async () => (await app.snapshot()).runs[0]!.step, { timeout: 60_000 }).toBe(40);
  await expect.poll(async () => (await app.snapshot()).playing).toBe(false);
  // The frozen surface at the chosen resolution, centred on the weights where training stopped, with the path from step 0.
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.complete && l.directions === 'random' && l.resolution === 31 && l.step === 40 && l.pathPoints > 2;
    }, { timeout: 90_000, intervals: [250] })
    .toBe(true);
  const random = await landscape(page);
  expect(random.error).toBeNull();
  expect(random.min!).toBeLessThan(random.max!);
  expect(Number.isFinite(random.max)).toBe(true);
  await expect(page.getByTestId('landscape-caption')).toHaveAttribute('data-resolution', '31');
  await expect(page.getByTestId('landscape-diagnostics')).toHaveAttribute('data-checkpoints', String(random.pathPoints));
  const canvas = page.getByTestId('landscape-surface');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 10);
  await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height / 2 + 14);
  await expect(page.getByTestId('landscape-hover')).toContainText(/α -?\d.*β -?\d.*loss \d/);
  // The whole surface inside the canvas (the preference panel leaves the landscape a wide, short box).
  await expect.poll(() => surfaceInsideCanvas(page, 'landscape-surface'), { timeout: 30_000 }).toBe('inside');
  await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/preference-landscape.png' });
  await page.getByTestId('landscape-view-contour').click();
  await expect.poll(() => page.locator('[data-testid="landscape-contour"] path').count()).toBeGreaterThan(5);
  // PCA of the path: the plane the optimizer moved in, without retraining.
  await page.getByTestId('landscape-directions').selectOption('pca');
  await expect
    .poll(async () => {
      const l = await landscape(page);
      return l.complete && l.directions === 'pca' && l.resolution === 31 && l.pathPoints > 2;
    }, { timeout: 90_000, intervals: [250] })
    .toBe(true);
  expect((await landscape(page)).explainedVariance![0]).toBeGreaterThan(0.5);
  expect((await app.snapshot()).runs[0]!.step).toBe(40);
  await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/preference-landscape-pca.png' });
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
