import { expect, test } from '@playwright/test';
import { AppPage } from './app';
import { atEachScreen, layoutReport } from './layoutChecks';

// DPO (a preference loss) against NPO (an unlearning loss): each family's numbers mean different
// things, so each family's charts draw its own runs.
const DPO_VS_NPO = '?backend=wasm&task=preference&points=120&layers=1&width=8&preference.warmupSteps=40&loss=dpo&run2.loss=npo&steps=20&landscape.open=false';

test('DPO vs NPO: the preference charts draw run A, the forget/retain charts run B, each under its family and run labels', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(DPO_VS_NPO);
  const panel = page.getByTestId('preference-panel');
  await expect(panel).toHaveAttribute('data-family', 'mixed');
  await app.play(); // Play stops at T = 20
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 90_000 }).toEqual([20, 20]);
  const preference = panel.getByTestId('preference-family-preference');
  const unlearning = panel.getByTestId('preference-family-unlearning');
  await expect(preference).toHaveAttribute('data-runs', '0');
  await expect(unlearning).toHaveAttribute('data-runs', '1');
  await expect(preference.locator('.preference-family-title')).toHaveText(/^Preference optimisation: A · DPO$/);
  await expect(unlearning.locator('.preference-family-title')).toHaveText(/^Unlearning: B · NPO$/);
  const series = (family: typeof preference, id: string) => family.getByTestId(`preference-chart-${id}`);
  const drawn = (ids: string[]) => JSON.stringify(ids);
  await expect(series(preference, 'logprob')).toHaveAttribute('data-series', drawn(['run0-logChosen', 'run0-logRejected']));
  await expect(series(preference, 'margin')).toHaveAttribute('data-series', drawn(['run0-margin']));
  await expect(series(preference, 'cosine')).toHaveAttribute('data-series', drawn(['run0-cosine']));
  await expect(series(unlearning, 'sets')).toHaveAttribute('data-series', drawn(['run1-forgetProb', 'run1-retainProb']));
  await expect(series(unlearning, 'best')).toHaveAttribute('data-series', drawn(['run1-bestProb']));
  await expect(series(unlearning, 'cosine')).toHaveAttribute('data-series', drawn(['run1-cosine']));
  await expect(panel.locator('canvas.line-chart')).toHaveCount(8);
  await atEachScreen(page, async (width) => {
    await page.screenshot({ path: `e2e/screenshots/preference-mixed-${width}.png` });
    const report = await layoutReport(page, 0);
    expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
    expect(report.overlaps, `overlapping text at ${width}`).toEqual([]);
    for (const family of [preference, unlearning]) {
      const box = (await family.getByTestId('preference-chart-cosine').boundingBox())!;
      expect(box.width, `chart width at ${width}`).toBeGreaterThan(80);
      expect(box.height, `chart height at ${width}`).toBeGreaterThan(60);
    }
  });
});
