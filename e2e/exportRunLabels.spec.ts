import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { pngInkBands } from './pngInk';

// Three runs: the PNGs must say which surface, which boundary and which line style is which.
const LINK = '?backend=wasm&loss=focal&run2.loss=mae&run3.lr=0.1&steps=100';
/** The pictures are drawn at 2× with a 12 px padding (pngLayout.ts). */
const SCALE = 2;
const PADDING = 12;

async function downloadPng(page: Page, chart: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-png-${chart}`).click()]);
  const bytes = await readFile(await file.path());
  await writeFile(`e2e/screenshots/export-labelled-${chart}.png`, bytes); // to look at
  return bytes;
}

/** The on-screen height of the charts of the panel holding `chart`'s PNG button, top of the first to bottom of the last. */
async function chartsHeight(page: Page, chart: string, selector: string): Promise<number> {
  return page.getByTestId(`export-png-${chart}`).evaluate((button, selector) => {
    const boxes = [...(button.closest('section')?.querySelectorAll(selector) ?? [])].map((c) => c.getBoundingClientRect()).filter((b) => b.width > 0);
    return Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
  }, selector);
}

/** The lines of text above the charts in a panel's PNG (title, legend, notes). */
async function headerLines(page: Page, chart: string, png: Buffer): Promise<number> {
  const { height, bands } = await pngInkBands(page, png);
  const chartsTop = height - SCALE * (PADDING + (await chartsHeight(page, chart, 'svg[data-testid], canvas[data-testid]')));
  return bands.filter((b) => b.bottom <= chartsTop + 1).length;
}

test('every PNG of a comparison names its runs: the loss chart its line key, the boundary its run, each surface its run', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open(LINK);
  await app.play();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 100 && !s.playing; }, { timeout: 90_000 }).toBe(true);

  // Loss: title, the runs' legend, and the key "solid: train · dashed: validation".
  expect(await headerLines(page, 'loss', await downloadPng(page, 'loss'))).toBe(3);

  // Boundary: title and "showing run B · MAE" once run B is picked.
  await page.getByTestId('run-tab-1').click();
  await expect(page.getByRole('region', { name: 'Decision boundary' }).getByTestId('showing-run')).toHaveText('showing run B · MAE');
  expect(await headerLines(page, 'boundary', await downloadPng(page, 'boundary'))).toBe(2);

  // Landscape: under the title, each run's caption under its surface (three runs of text, none without it).
  for (const run of [0, 1, 2]) await expect(page.getByTestId(`landscape-multiple-${run}`)).toHaveAttribute('data-complete', 'true', { timeout: 120_000 });
  const { bands } = await pngInkBands(page, await downloadPng(page, 'landscape'));
  const captions = bands.filter((b) => b.top > SCALE * (PADDING + 24));
  expect(captions.reduce((n, b) => n + b.segments, 0)).toBe(3);
});
