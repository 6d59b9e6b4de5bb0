import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { AppPage } from './app';
import type { LandscapeSnapshot } from '../src/app/landscapeStore';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Trains exactly `steps` steps (a multiple of 100) with the Step control. */
async function trainSteps(app: AppPage, steps: number): Promise<void> {
  const { page } = app;
  await page.getByTestId('step-size').selectOption('100');
  const start = (await app.snapshot()).step;
  for (let done = start + 100; done <= start + steps; done += 100) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === done && !s.playing; }).toBe(true);
  }
}

/** Clicks `testId` and returns the file it downloads, with its name. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: (file as Download).suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The on-screen width spanned by the charts of the panel holding `chart`'s PNG button (what its PNG draws at 2×). */
async function panelChartsWidth(page: Page, chart: string): Promise<number> {
  return page.getByTestId(`export-png-${chart}`).evaluate((button) => {
    const charts = [...(button.closest('section')?.querySelectorAll('svg[data-testid], canvas[data-testid]') ?? [])];
    const boxes = charts.map((c) => c.getBoundingClientRect()).filter((b) => b.width > 0);
    return Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
  });
}

/** Downloads a chart's PNG and checks it is one: the signature, a size, and more than a few bytes of picture. */
async function expectPng(page: Page, chart: string, minWidth: number): Promise<number> {
  const { name, bytes } = await download(page, `export-png-${chart}`);
  expect(name).toMatch(new RegExp(`^losscape-${chart}-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.png$`));
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  // IHDR: width and height, big-endian, at bytes 16 and 20. Drawn at twice the size on screen.
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(minWidth);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
  expect(bytes.length).toBeGreaterThan(8_000);
  await writeFile(`e2e/screenshots/export-${chart}.png`, bytes); // to look at
  return bytes.length;
}

async function openMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

async function importFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  await openMenu(page);
  await page.getByTestId('import-json').setInputFiles({ ...file, mimeType: 'application/json' });
}

const SETTINGS = { dataset: 'spiral', loss: 'focal', seed: '7' };

async function expectSettings(page: Page): Promise<void> {
  for (const [testId, value] of Object.entries(SETTINGS)) await expect(page.getByTestId(testId), testId).toHaveValue(value);
}

test('charts export as PNG, the history as CSV, and a run as JSON that imports back into the same experiment', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('dataset').selectOption('spiral');
  await page.getByTestId('loss').selectOption('focal');
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await expectSettings(page);
  await trainSteps(app, 200);

  // PNGs: a canvas chart (at twice its width on screen), a canvas, and a panel of several SVGs (opened with its view toggle).
  const lossBox = (await page.getByTestId('loss-chart').boundingBox())!;
  await expectPng(page, 'loss', Math.floor(2 * lossBox.width));
  const boundaryBox = (await page.getByTestId('boundary').boundingBox())!;
  await expectPng(page, 'boundary', Math.floor(2 * boundaryBox.width));
  await page.getByTestId('view-toggle-calibration').click();
  await expect(page.getByTestId('reliability-diagram')).toBeVisible();
  await expectPng(page, 'calibration', 500);

  // CSV: the header, and one row per step with a training loss.
  await openMenu(page);
  const csv = await download(page, 'export-csv');
  expect(csv.name).toMatch(/^losscape-metrics-.*\.csv$/);
  const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 6)).toEqual(['run', 'loss', 'step', 'train_loss', 'validation_loss', 'validation_accuracy']);
  expect(header).toContain('ece');
  expect(header).toContain('gradient_norm');
  expect(header).toContain('lambda_max');
  const rows = lines.slice(1).map((line) => line.split(','));
  expect(rows.every((r) => r.length === header.length)).toBe(true);
  expect(rows.filter((r) => r[3] !== '')).toHaveLength(200);
  expect(rows.some((r) => r[header.indexOf('ece')] !== '')).toBe(true);
  expect(rows.at(-1)!.slice(0, 3)).toEqual(['A', 'focal', '200']);

  // JSON: the config and the metrics, versioned.
  await openMenu(page);
  const json = await download(page, 'export-json');
  expect(json.name).toMatch(/^losscape-run-.*\.json$/);
  const document = JSON.parse(json.bytes.toString('utf8')) as {
    format: string;
    version: number;
    url: string;
    config: { data: { kind: string }; seed: number };
    runs: { loss: string; step: number; metrics: { trainLoss: { step: number[]; value: number[] } } }[];
  };
  expect(document).toMatchObject({ format: 'losscape-run', version: 1, config: { data: { kind: 'spiral' }, seed: 7 } });
  expect(document.runs).toHaveLength(1);
  expect(document.runs[0]).toMatchObject({ loss: 'focal', step: 200 });
  const importedLoss = document.runs[0]!.metrics.trainLoss.value;
  expect(importedLoss).toHaveLength(200);
  const search = new URL(document.url).search;
  expect(search).toContain('data=spiral');

  // A fresh page, the default experiment: importing loads the config and shows the run.
  const other = new AppPage(await context.newPage());
  await other.open('?backend=cpu');
  await expect(other.page.getByTestId('dataset')).toHaveValue('circle');
  await importFile(other.page, { name: 'run.json', buffer: json.bytes });
  await expectSettings(other.page);
  await expect.poll(() => new URL(other.page.url()).search).toBe(`${search}&backend=cpu`);
  await expect(other.page.getByTestId('imported-run')).toContainText(/Imported run from .*final train loss \d.*200 steps/);
  await expect(other.page.getByTestId('view-toggle-calibration')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.page.getByTestId('loss-chart')).toHaveAttribute('data-series', /"imported-train-loss"/);
  await expect(other.page.getByTestId('import-error')).toHaveCount(0);
  expect((await other.snapshot()).pointsChecksum).toBe((await app.snapshot()).pointsChecksum);

  await other.screenshot('export-imported');

  // The same data and initial weights: the rerun retraces the imported curve.
  await trainSteps(other, 200);
  const rerun = await other.snapshot();
  expect(Math.abs(rerun.firstLoss! - importedLoss[0]!)).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(rerun.lastLoss! - importedLoss.at(-1)!)).toBeLessThanOrEqual(1e-6);

  // Bad files say why and change nothing.
  const url = other.page.url();
  const revision = rerun.revision;
  await importFile(other.page, { name: 'notes.json', buffer: Buffer.from('these are not JSON') });
  await expect(other.page.getByTestId('import-error')).toContainText('not JSON');
  const newer = { ...document, version: 2 };
  await importFile(other.page, { name: 'newer.json', buffer: Buffer.from(JSON.stringify(newer)) });
  await expect(other.page.getByTestId('import-error')).toContainText('version 2, newer');
  await importFile(other.page, { name: 'other.json', buffer: Buffer.from(JSON.stringify({ format: 'something-else', version: 1 })) });
  await expect(other.page.getByTestId('import-error')).toContainText('not a Losscape run file');
  expect(other.page.url()).toBe(url);
  await expectSettings(other.page);
  const after = await other.snapshot();
  expect(after.revision).toBe(revision);
  expect(after.step).toBe(200);
  await expect(other.page.getByTestId('imported-run')).toBeVisible();

  // Changing the experiment drops the reference.
  await other.page.getByTestId('seed').fill('8');
  await other.page.getByTestId('seed').press('Enter');
  await expect(other.page.getByTestId('imported-run')).toHaveCount(0);
  await expect(other.page.locator('[data-testid="imported-train-loss"]')).toHaveCount(0);
});

test('the 3-D landscape view exports as PNG', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await trainSteps(app, 100);
  await expect
    .poll(() => page.evaluate(() => window.__losscape!.landscape()).then((l: LandscapeSnapshot) => l.complete && l.resolution > 0), { timeout: 90_000, intervals: [250] })
    .toBe(true);
  await expect(page.getByTestId('landscape-surface')).toBeVisible();
  // Twice the canvas's size on screen, which the layout sets.
  const shown = (await page.getByTestId('landscape-surface').boundingBox())!;
  await expectPng(page, 'landscape', Math.floor(2 * shown.width) - 2);
});

test('every other chart panel exports as PNG, a comparison included', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('run-add').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  for (const view of ['lossShape', 'sharpness', 'telemetry'] as const) await page.getByTestId(`view-toggle-${view}`).click();
  await trainSteps(app, 100);
  await expect(page.getByTestId('sharpness-value')).not.toHaveText('—');
  // Each panel's charts at twice their size on screen (the dock sets that size, so it is read, not assumed).
  for (const chart of ['loss-shape', 'sharpness', 'telemetry', 'compare']) {
    await expectPng(page, chart, Math.floor(2 * (await panelChartsWidth(page, chart))));
  }
});
