import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Small data so 200 steps of every loss take about a second each. */
async function chooseSmallData(page: Page, dataset: string, classes: number): Promise<void> {
  await page.getByTestId('dataset').selectOption(dataset);
  await page.getByTestId('points').fill('120');
  if (classes > 2) await page.getByTestId('classes').fill(String(classes));
}

async function trainStepsAndReadLoss(app: AppPage, lossId: string): Promise<number> {
  const { page } = app;
  await page.getByTestId('loss').selectOption(lossId);
  await expect.poll(async () => (await app.snapshot()).step).toBe(0);
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step).toBe(100);
  await expect(page.getByTestId('step')).toBeEnabled();
  await page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 200 && !s.playing; }).toBe(true);
  await expect(page.getByTestId('train-loss')).not.toHaveText('—');
  return Number(await page.getByTestId('train-loss').textContent());
}

test('every loss trains 200 steps to a finite loss with its formula rendered', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open('?views.lossShape=true');
  const options = page.getByTestId('loss').locator('option');
  const all = await options.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(all.length).toBeGreaterThanOrEqual(21);
  const trained: string[] = [];
  for (const [dataset, classes] of [['blobs', 3], ['gauss', 2]] as const) {
    await chooseSmallData(page, dataset, classes);
    // Every loss the menu offers for this many classes, except those already trained.
    const enabled = await options.evaluateAll((els) => els.filter((e) => !(e as HTMLOptionElement).disabled).map((e) => (e as HTMLOptionElement).value));
    for (const id of enabled.filter((x) => !trained.includes(x))) {
      const loss = await trainStepsAndReadLoss(app, id);
      expect(Number.isFinite(loss), `${id} shows a finite loss`).toBe(true);
      await expect(page.getByTestId('loss-formula').locator('.katex').first(), `${id} formula`).toBeVisible();
      await expect(page.getByTestId('loss-shape-chart').locator('path[data-series]').first()).toBeVisible();
      expect((await app.snapshot()).diverged).toBeNull();
      trained.push(id);
    }
  }
  expect(trained.sort()).toEqual([...all].sort());
  await app.screenshot('losses');
});

test('z-spherical is disabled with its reason for two classes, and blocks training if chosen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('dataset').selectOption('blobs');
  await page.getByTestId('classes').fill('3');
  await page.getByTestId('loss').selectOption('z-spherical');
  await page.getByTestId('classes').fill('2');
  // Chosen while available, it stays chosen and says why it cannot train; it is never swapped.
  await expect(page.getByTestId('loss')).toHaveValue('z-spherical');
  await expect(page.getByTestId('loss-unavailable')).toContainText('at least 3 classes');
  await expect(page.getByTestId('play')).toBeDisabled();
  await page.getByTestId('loss').selectOption('ce');
  const option = page.getByTestId('loss').locator('option[value="z-spherical"]');
  await expect(option).toBeDisabled();
  await expect(option).toContainText('at least 3 classes');
  await expect(page.getByTestId('play')).toBeEnabled();
});

test('moving a loss parameter moves the loss-shape curve at once', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?views.lossShape=true');
  await page.getByTestId('loss').selectOption('focal');
  const curve = page.getByTestId('loss-shape-chart').locator('[data-panel="loss"] path[data-series="focal"]');
  const before = await curve.getAttribute('d');
  await page.getByTestId('loss-param-gamma').fill('0.5');
  await expect(curve).not.toHaveAttribute('d', before!);
  // The same numbers as a table: p_y, then ℓ and dℓ/dx for the loss and the one compared with.
  const shape = page.getByTestId('loss-shape');
  await shape.getByTestId('chart-table-toggle').click();
  const table = shape.getByTestId('chart-table');
  await expect(table.locator('thead th')).toHaveText(['p_y', 'focal ℓ', 'focal dℓ/dx', 'ce ℓ', 'ce dℓ/dx']);
  await expect(table.locator('tbody tr')).toHaveCount(99);
  // Cross-entropy at p_y = 0.5 is ln 2.
  const half = table.locator('tbody tr', { has: page.locator('th', { hasText: /^0\.5$/ }) });
  await expect(half.locator('td').nth(2)).toHaveText(/^0\.693/);
});
