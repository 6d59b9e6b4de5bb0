import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Runs that all train cross-entropy and differ only in the learning rate or mixup. */
const LINK = '?backend=wasm&lr=0.03&run2.lr=1&run3.mixup=0.2';
const NAMES = ['A · CE', 'B · lr 1', 'C · CE + mixup'];

async function texts(page: Page, testId: string): Promise<string[]> {
  return (await page.getByTestId(testId).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

test('runs that differ only in the learning rate or mixup are named by what differs, everywhere', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(LINK);
  for (const [i, name] of NAMES.entries()) await expect(page.getByTestId(`run-tab-${i}`)).toHaveText(name);
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 60_000 }).toEqual([100, 100, 100]);

  // Legends of the loss chart and the comparison, the table's run column, the small multiples.
  await expect(page.getByTestId('loss-legend').getByTestId('legend-item')).toHaveText(NAMES);
  await expect(page.getByTestId('compare-legend').getByTestId('legend-item')).toHaveText(NAMES);
  await expect(page.getByTestId('summary-row').locator('[data-column="run"]')).toHaveText(NAMES);
  await expect(page.getByTestId('boundary-multiple-caption')).toHaveText(NAMES);
  await expect(page.getByTestId('reliability-caption')).toHaveText(NAMES);
  expect(new Set(await texts(page, 'legend-item')).size).toBe(NAMES.length);

  // The single-run views say which run they show, and follow the run tabs.
  await expect(page.getByTestId('showing-run-metrics')).toHaveText('showing run A · CE');
  await page.getByTestId('run-tab-1').click();
  await expect(page.getByTestId('showing-run-metrics')).toHaveText('showing run B · lr 1');
  await expect(page.getByRole('region', { name: 'Decision boundary' }).getByTestId('showing-run')).toHaveText('showing run B · lr 1');

  // The CSV names the runs the same way.
  const menu = page.getByTestId('export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = (await readFile(await file.path(), 'utf8')).trimEnd().split('\r\n').map((line) => line.split(','));
  const nameColumn = rows[0]!.indexOf('run_name');
  expect(new Set(rows.slice(1).map((r) => r[nameColumn]))).toEqual(new Set(NAMES));

  // The comparison's PNG carries the legend, so the picture names the runs too (saved to look at).
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-compare').click()]);
  const bytes = await readFile(await png.path());
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  await writeFile('e2e/screenshots/export-compare-run-names.png', bytes);

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/screenshots/run-names-${width}x${height}.png` });
  }
});

test('"+ run" starts a run on a loss its task trains: RPO beside DPO, NPO beside gradient ascent, Huber beside MSE, with no notice', async ({ page }) => {
  const app = new AppPage(page);
  for (const [link, added] of [
    ['?backend=wasm&task=preference&loss=dpo', 'B · RPO'],
    ['?backend=wasm&task=preference&loss=ga', 'B · NPO'],
    ['?backend=wasm&task=regression&loss=mae', 'B · Huber'],
  ] as const) {
    await app.open(link);
    await page.getByTestId('run-add').click();
    await expect(page.getByTestId('run-tab-1')).toHaveText(new RegExp(`^\\s*${added}`));
    await expect(page.getByTestId('notices')).toHaveCount(0);
  }
});
