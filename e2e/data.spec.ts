import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

const fixture = (name: string) => `e2e/fixtures/${name}`;

async function trainSomeSteps(app: AppPage, steps = 30): Promise<void> {
  const before = (await app.snapshot()).step;
  await app.play();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(before + steps);
  await app.pause();
}

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('csv-file').setInputFiles(typeof file === 'string' ? fixture(file) : file);
}

test('Iris trains on four features, shows its licence and switches to a PCA view without restarting', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('dataset').selectOption('iris');
  await expect.poll(async () => (await app.snapshot()).points).toBe(150);
  await expect(page.getByTestId('dataset-licence')).toContainText('MIT');
  await expect(page.getByTestId('dataset-source')).toContainText('UCI Machine Learning Repository');
  await expect(page.getByTestId('boundary-x-axis')).toContainText('sepal length (cm)');
  await expect(page.getByTestId('boundary-y-axis')).toContainText('sepal width (cm)');
  expect((await app.snapshot()).features).toBe(4);
  // The generators' points, noise and classes do not apply to real data: a note says so in their place.
  for (const control of ['points', 'noise', 'classes']) await expect(page.getByTestId(control)).toHaveCount(0);
  await expect(page.getByTestId('data-fixed-note')).toContainText('set by the data');
  // The class imbalance still applies (it subsamples the classes after the first).
  await expect(page.getByTestId('minority-fraction')).toBeEnabled();
  const trained = await app.trainUntilLossBelow(0.5);
  // 50 of each species: balanced, whatever the seeded training split's counts.
  await expect(page.getByTestId('minority-class')).toHaveText('none (balanced)');
  await page.getByTestId('view-x').selectOption({ label: 'petal length (cm)' });
  await expect(page.getByTestId('boundary-x-axis')).toContainText('petal length (cm)');
  await page.getByTestId('view-mode').selectOption('pca');
  await expect(page.getByTestId('boundary-x-axis')).toContainText(/PC1 \(\d+ % of variance\)/);
  await expect(page.getByTestId('boundary-y-axis')).toContainText('PC2');
  // The view is not part of the training: the run goes on from where it was.
  const after = await app.snapshot();
  expect(after.step).toBe(trained.step);
  expect(after.lastLoss).toBe(trained.lastLoss);
  await expect.poll(() => page.url()).toContain('view=pca');
  await app.screenshot('data-iris-pca');
});

test('the penguins say where they come from and how many rows were dropped', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?data=penguins&v=1');
  await expect.poll(async () => (await app.snapshot()).points).toBe(342);
  await expect(page.getByTestId('dataset-licence')).toContainText('CC0');
  await expect(page.getByTestId('dataset-source')).toContainText('Horst');
  await expect(page.getByTestId('dataset-source')).toContainText('2 of the 344 penguins');
});

test('a good CSV trains; bad ones show their error and the data in use stays', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await upload(page, 'good.csv');
  await expect.poll(async () => (await app.snapshot()).points).toBe(90);
  await expect(page.getByTestId('dataset')).toHaveValue('csv');
  await expect(page.getByTestId('dataset-source')).toContainText('good.csv: 90 rows, 3 classes of “kind” (apple, pear, plum), 3 features');
  await expect(page.getByTestId('boundary-x-axis')).toContainText('length');
  expect((await app.snapshot()).features).toBe(3);
  await app.trainUntilLossBelow(0.6);
  const good = await app.snapshot();

  const tooMany = { name: 'too-many-rows.csv', mimeType: 'text/csv', buffer: Buffer.from(`a,b,label\n${'1,2,x\n3,4,y\n'.repeat(5001)}`) };
  const bad: [string | typeof tooMany, RegExp][] = [
    ['no-numeric.csv', /No numeric columns/],
    ['single-class.csv', /A single class: every row of "kind" is "same"/],
    ['missing.csv', /Missing value: row 4, column "b" is empty/],
    ['latin1.csv', /not UTF-8/],
    [tooMany, /more than 10,000 rows/],
  ];
  for (const [file, message] of bad) {
    await upload(page, file);
    await expect(page.getByTestId('csv-error')).toContainText(message);
    const now = await app.snapshot();
    expect(now.points).toBe(90);
    expect(now.pointsChecksum).toBe(good.pointsChecksum);
    expect(now.revision).toBe(good.revision);
    if (typeof file === 'string' && file === 'missing.csv') await app.screenshot('data-csv-error');
  }
  // Training still works on the file in use.
  await trainSomeSteps(app);
  expect((await app.snapshot()).points).toBe(90);
  await app.screenshot('data-csv');
});

test('clicking on the plane adds points of the chosen class; a form does it by keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  const canvas = page.getByTestId('boundary');
  await expect(canvas).toHaveAttribute('data-addable', 'true');
  const start = (await app.snapshot()).points;
  await page.getByTestId('add-class-1').check();
  await canvas.click({ position: { x: 210, y: 210 } });
  await expect.poll(async () => (await app.snapshot()).points).toBe(start + 1);
  await canvas.click({ position: { x: 60, y: 80 } });
  await expect.poll(async () => (await app.snapshot()).points).toBe(start + 2);
  await page.getByTestId('add-class-0').check();
  await page.getByTestId('add-x').fill('0.5');
  await page.getByTestId('add-y').fill('-0.5');
  await page.getByTestId('add-point').click();
  await expect.poll(async () => (await app.snapshot()).points).toBe(start + 3);
  await expect(page.getByTestId('added-count')).toContainText('3 added');
  await expect.poll(() => page.url()).toMatch(/added=[-\d.,]+/);
  await trainSomeSteps(app);
  await app.screenshot('data-added-points');
  await page.getByRole('region', { name: 'Decision boundary' }).screenshot({ path: 'e2e/screenshots/data-added-points-panel.png' });
  await page.getByTestId('clear-added').click();
  await expect.poll(async () => (await app.snapshot()).points).toBe(start);
});

test('a link to a CSV experiment asks for the file again and shows generated data meanwhile', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?v=1&data=csv&csv=mine.csv&classes=3');
  await expect(page.getByTestId('notices')).toContainText('mine.csv');
  await expect(page.getByTestId('notices')).toContainText('upload it again');
  await expect(page.getByTestId('dataset')).toHaveValue('circle');
});
