import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { AppPage } from './app';
import { layoutReport } from './layoutChecks';

test('a mixture-of-experts run shows its expert territories and loads, micro- and global-batch balance side by side', async ({ page }) => {
  const app = new AppPage(page);
  // Two runs that differ only in where the load-balancing loss takes fᵢ from.
  await app.open('?data=xor&lbl-alpha=0.1&run2.loss=ce&run2.lbl=global&landscape.open=false&backend=wasm');
  await expect(page.getByTestId('moe-panel')).toHaveCount(0);
  await page.getByTestId('model-kind').selectOption('moe');
  await expect(page).toHaveURL(/model=moe/);
  await expect(page.getByTestId('moe-panel')).toBeVisible();
  await expect(page.getByTestId('moe-balance-scope')).toHaveValue('micro');
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(0);
  await page.getByTestId('step-size').selectOption('100');
  await expect(page.getByTestId('step')).toBeEnabled();
  await page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 100 && !s.playing; }, { timeout: 90_000 }).toBe(true);

  for (const run of [0, 1]) {
    const territories = page.getByTestId(`moe-territories-${run}`);
    await expect(territories).toHaveAttribute('data-step', '100');
    // Every grid cell belongs to one of the four experts, and more than one expert holds territory.
    const cells = (await territories.getAttribute('data-cells'))!.split(',').map(Number);
    expect(cells).toHaveLength(4);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(48 * 48);
    expect(cells.filter((c) => c > 0).length).toBeGreaterThan(1);
    await expect(page.getByTestId(`moe-specialisation-${run}`)).toContainText(/\d\.\d\d bits/);
  }
  // The selected run's loads over training, one curve per expert, and its scores.
  const load = page.getByTestId('moe-load-chart');
  await expect(load).toHaveAttribute('data-series', JSON.stringify(['moe-load-0', 'moe-load-1', 'moe-load-2', 'moe-load-3']));
  await expect(page.getByTestId('moe-score-chart')).toHaveAttribute('data-series', /moe-specialisation-series/);
  await expect(page.getByTestId('moe-entropy')).toContainText(/bits of 2\.00/);
  const balance = Number(await page.getByTestId('moe-balance').innerText());
  expect(balance).toBeGreaterThanOrEqual(1 - 1e-6);
  expect(balance).toBeLessThan(4);
  // The loads as a table: the four shares of the last row add up to one.
  await page.getByTestId('moe-panel').getByTestId('chart-table-toggle').first().click();
  const lastRow = page.getByTestId('moe-panel').getByTestId('chart-table').first().locator('tbody tr').last();
  const shares = (await lastRow.locator('td').allInnerTexts()).map(Number);
  expect(shares).toHaveLength(4);
  expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.02);

  // The PyTorch export writes the mixture (moe.py), not an MLP in its place.
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-torch').click()]);
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(strFromU8(entries['losscape-torch/experiment.py']!)).toContain('"kind": "moe"');
  expect(Object.keys(entries)).toContain('losscape-torch/moe.py');
  await expect(page.getByTestId('export-torch-error')).toHaveCount(0);
  await page.getByTestId('moe-panel').getByTestId('chart-table-toggle').first().click();

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId('moe-territories-0')).toBeVisible();
    await page.getByTestId('moe-panel').scrollIntoViewIfNeeded();
    await app.screenshot(`moe-${width}x${height}`);
    const report = await layoutReport(page, 0);
    expect(report.scrollWidth, 'page width').toBeLessThanOrEqual(report.viewportWidth);
    expect(report.overlaps, 'overlapping text').toEqual([]);
    expect(report.cut, 'text cut off by its box').toEqual([]);
  }
});
