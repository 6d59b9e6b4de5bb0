import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { insideViewport, layoutReport } from './layoutChecks';

// Every size the layout is designed for, in normal and presenter mode, with one run and with six.
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
] as const;
const SIX_RUNS = 'run2.loss=mae&run3.loss=gce&run4.loss=focal&run5.loss=brier&run6.loss=label-smoothing';
// One run opens the two views whose labels used to collide (loss shape, calibration), so the dock is checked too.
const ONE_RUN = 'views.lossShape=true&views.calibration=true';

async function openAt(page: Page, width: number, height: number, query: string): Promise<AppPage> {
  await page.setViewportSize({ width, height });
  const app = new AppPage(page);
  await app.open(`?backend=wasm&${query}`);
  return app;
}

/** 100 steps, so every chart has data, the calibration its histogram and the landscape a path. */
async function stepHundred(app: AppPage): Promise<void> {
  await app.page.getByTestId('step-size').selectOption('100');
  await app.page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 100 && !s.playing; }, { timeout: 90_000 }).toBe(true);
}

for (const [width, height] of SIZES) {
  for (const presenter of [false, true]) {
    for (const runs of [1, 6] as const) {
      const name = `${width}x${height}-${presenter ? 'presenter' : 'normal'}-${runs}run${runs > 1 ? 's' : ''}`;
      test(`layout ${name}: no page scroll sideways, no overlapping or cut text, formulas inside their panels`, async ({ page }) => {
        const app = await openAt(page, width, height, `${runs === 1 ? ONE_RUN : SIX_RUNS}${presenter ? '&presenter=1' : ''}`);
        await stepHundred(app);
        if (runs === 1) await expect(page.getByTestId('confidence-histogram').locator('.histogram-rules text')).toHaveCount(2, { timeout: 60_000 });
        else await expect(page.getByTestId('summary-row')).toHaveCount(6);
        await expect(page.getByTestId('loss-formula').locator('.katex').first()).toBeVisible();
        // Let the layout settle: the landscape's first surface and KaTeX's fonts.
        await expect.poll(() => page.evaluate(() => window.__losscape!.landscape().resolution), { timeout: 60_000 }).toBeGreaterThan(0);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `e2e/screenshots/layout-${name}.png` });

        // Presenter type grows with the screen: 20 px and more on the 1920×1080 projector.
        const projector = presenter && width >= 1920;
        const report = await layoutReport(page, projector ? 20 : 0);
        expect(report.texts, 'text boxes found').toBeGreaterThan(50);
        expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
        expect(report.overlaps, 'overlapping text').toEqual([]);
        expect(report.cut, 'text cut off by its box').toEqual([]);
        expect(report.formulas, 'formulas wider than their panel').toEqual([]);
        if (projector) expect(report.smallType, 'type under 20 px in presenter mode on a projector').toEqual([]);

        // The core views are on screen whole, without scrolling.
        for (const id of ['boundary', 'loss-chart', runs === 1 ? 'landscape-surface' : 'landscape-surface-0']) {
          const { box, inside } = await insideViewport(page, id);
          expect(inside, `${id} inside the viewport: ${JSON.stringify(box)}`).toBe(true);
        }
        if (runs === 6) {
          const table = await page.getByTestId('compare-view').locator('table').evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
          expect(table.table, 'comparison table fits its panel').toBeLessThanOrEqual(table.box + 1);
        }
        if (presenter && width === 1920) {
          // The projector layout: boundary and landscape each at least 40 % of the screen's height.
          const boundary = (await page.getByTestId('boundary').boundingBox())!;
          const stage = (await page.locator('.landscape-stage').boundingBox())!;
          expect(boundary.height).toBeGreaterThanOrEqual(0.4 * height);
          expect(stage.height).toBeGreaterThanOrEqual(0.4 * height);
        }
      });
    }
  }
}

test('below 1024 px the views stack and the page scrolls down, never sideways', async ({ page }) => {
  const app = await openAt(page, 800, 900, ONE_RUN);
  await stepHundred(app);
  await page.screenshot({ path: 'e2e/screenshots/layout-800x900-stacked.png', fullPage: true });
  const report = await layoutReport(page, 0);
  expect(report.scrollWidth).toBeLessThanOrEqual(800);
  expect(report.overlaps).toEqual([]);
  expect(report.cut).toEqual([]);
  const settings = (await page.getByRole('complementary', { name: 'Experiment settings' }).boundingBox())!;
  const boundary = (await page.getByTestId('boundary').boundingBox())!;
  expect(boundary.y).toBeGreaterThan(settings.y + settings.height - 1);
});

for (const presenter of [false, true]) {
  test(`every loss's formula fits its panels at 1024×768${presenter ? ' in presenter mode' : ''}`, async ({ page }) => {
    // Three classes, so only the losses for two classes (margin-based) are left out.
    const app = await openAt(page, 1024, 768, `data=blobs&classes=3&views.lossShape=true${presenter ? '&presenter=1' : ''}`);
    const ids = await page.getByTestId('loss').locator('option').evaluateAll((els) => els.filter((e) => !(e as HTMLOptionElement).disabled).map((e) => (e as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(18);
    for (const id of ids) {
      await page.getByTestId('loss').selectOption(id);
      for (const formula of ['loss-formula', 'loss-shape-formula']) {
        await expect(page.getByTestId(formula)).toHaveAttribute('data-tex', /.+/);
        await expect(page.getByTestId(formula).locator('.katex').first()).toBeVisible();
      }
      await page.evaluate(() => document.fonts.ready);
      const report = await layoutReport(page, 0);
      expect(report.formulas, `${id}`).toEqual([]);
    }
    await app.screenshot(`layout-formulas${presenter ? '-presenter' : ''}`);
  });
}
