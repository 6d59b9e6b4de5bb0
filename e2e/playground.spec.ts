import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

// TensorFlow Playground's features: the network view, the input features, the split, L1/L2,
// show test data, discretize output, play speed and the hover readouts, each checked by what it
// changes on screen, and all of them through a copied link. Short: seconds of training each.

const neuronImages = (page: Page): Promise<(string | null)[]> => page.getByTestId('neuron').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
const boundaryPixels = (page: Page): Promise<string> => page.getByTestId('boundary').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test('the network view draws one heatmap per neuron, changes while training, and takes an edited weight', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu&views.network=true&layers=2&width=4');
  await expect(page.getByTestId('neuron')).toHaveCount(8);
  await expect(page.getByTestId('network-input')).toHaveCount(2);
  await expect(page.getByTestId('network-output')).toHaveCount(2);
  await expect(page.getByTestId('network-edge')).toHaveCount(2 * 4 + 4 * 4 + 4 * 2);
  const before = await neuronImages(page);
  await app.play();
  await expect.poll(async () => (await app.snapshot()).step).toBeGreaterThan(100);
  await expect.poll(async () => JSON.stringify(await neuronImages(page)) !== JSON.stringify(before)).toBe(true);
  await app.pause();

  // Hover an edge for its weight, click it, set a new value: the trainer takes it.
  const box = (await page.getByTestId('network-edge').first().boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('network-readout')).toContainText(/weight .+ → .+ = -?\d/);
  const readWeight = async (): Promise<number> => Number(/= (-?[\d.]+)/.exec((await page.getByTestId('network-readout').textContent()) ?? '')?.[1]);
  const old = await readWeight();
  await page.mouse.click(at.x, at.y);
  await page.getByTestId('weight-input').fill('2.5');
  await page.getByTestId('weight-set').click();
  await page.mouse.move(at.x, at.y + 40);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('network-readout')).toContainText('= 2.5000');
  // Training goes on from the edited weight: ten Adam steps move it, nearer 2.5 than where it was.
  const step = (await app.snapshot()).step;
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step).toBe(step + 10);
  await page.mouse.move(at.x, at.y + 40);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('network-readout')).toContainText('weight');
  const value = await readWeight();
  expect(value).not.toBe(2.5);
  expect(Math.abs(value - 2.5)).toBeLessThan(Math.abs(value - old));

  // A layer wider than 16 is drawn in part, and says so.
  await page.getByTestId('width').fill('20');
  await expect(page.getByTestId('network-clipped')).toBeVisible();
  await expect(page.getByTestId('neuron')).toHaveCount(32);
  // Sixteen neurons a column still fit the panel: no square past its edges.
  const panel = (await page.getByTestId('network-view').boundingBox())!;
  for (const neuron of await page.getByTestId('neuron').all()) {
    const n = (await neuron.boundingBox())!;
    expect(n.y).toBeGreaterThanOrEqual(panel.y - 0.5);
    expect(n.y + n.height).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
    expect(n.x + n.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
  }
});

test('each Playground control changes what it should and survives a copied link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open('?backend=cpu&views.network=true');

  // Input features: x₁ off, x₁² on → the network's inputs are x₂ and x₁².
  await page.getByTestId('feature-x1sq').click();
  await page.getByTestId('feature-x1').click();
  await expect(page.getByTestId('network-diagram')).toContainText('x₁²');
  await expect(page.getByTestId('network-input')).toHaveCount(2);
  await expect(page.getByTestId('network-diagram')).not.toContainText('x₁x₂');

  // The train/test ratio: 80 % train, the rest split evenly.
  await expect(page.getByTestId('split-counts')).toHaveText('240 train · 80 validation · 80 test');
  await page.getByTestId('train-fraction').fill('0.8');
  await expect(page.getByTestId('split-counts')).toHaveText('320 train · 40 validation · 40 test');

  // L2: the penalty is reported beside the loss.
  await expect(page.getByTestId('penalty')).toHaveCount(0);
  await page.getByTestId('regularization').selectOption('l2');
  await page.getByTestId('regularization-rate').selectOption('0.01');
  await expect(page.getByTestId('penalty')).toHaveText(/^0\.\d{4}$/);
  expect(Number(await page.getByTestId('penalty').textContent())).toBeGreaterThan(0);

  // Show test data and discretize output redraw the boundary.
  await expect.poll(async () => (await app.snapshot()).step === 0 && (await boundaryPixels(page)).length > 1000).toBe(true);
  let pixels = await boundaryPixels(page);
  await page.getByTestId('show-test').uncheck();
  await expect.poll(() => boundaryPixels(page)).not.toBe(pixels);
  pixels = await boundaryPixels(page);
  await page.getByTestId('discretize').check();
  await expect.poll(() => boundaryPixels(page)).not.toBe(pixels);

  // Play speed: one step a frame trains at most ~60 steps a second.
  await page.getByTestId('play-speed').selectOption('1');
  await app.play();
  await expect.poll(async () => (await app.snapshot()).step).toBeGreaterThan(5);
  const start = { step: (await app.snapshot()).step, time: Date.now() };
  await page.waitForTimeout(2000);
  const end = { step: (await app.snapshot()).step, time: Date.now() };
  await app.pause();
  expect(end.step).toBeGreaterThan(start.step);
  expect((end.step - start.step) / ((end.time - start.time) / 1000)).toBeLessThan(80);

  // Hover readouts: the model's output on the boundary, step and value on the loss chart.
  const boundary = (await page.getByTestId('boundary').boundingBox())!;
  await page.mouse.move(boundary.x + boundary.width / 2, boundary.y + boundary.height / 2);
  await expect(page.getByTestId('boundary-readout')).toContainText(/x₁ -?\d\.\d\d, x₂ -?\d\.\d\d: class 1 0\.\d{3} · class 2 0\.\d{3}/);
  const chart = (await page.getByTestId('loss-chart').boundingBox())!;
  await page.mouse.move(chart.x + chart.width * 0.6, chart.y + chart.height / 2);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-hover', /^(?=.*step \d)(?=.*train \d)/);

  // Everything is in the link, and a fresh page opened from it shows the same.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  for (const part of ['features=x2,x1sq', 'train=0.8', 'reg=l2', 'reg-rate=0.01', 'show-test=false', 'discretize=true', 'speed=1', 'views.network=true']) expect(link).toContain(part);
  const fresh = await context.newPage();
  const copy = new AppPage(fresh);
  await copy.open(new URL(link).search);
  await expect(fresh.getByTestId('feature-x1sq')).toHaveAttribute('aria-pressed', 'true');
  await expect(fresh.getByTestId('feature-x1')).toHaveAttribute('aria-pressed', 'false');
  await expect(fresh.getByTestId('split-counts')).toHaveText('320 train · 40 validation · 40 test');
  await expect(fresh.getByTestId('regularization')).toHaveValue('l2');
  await expect(fresh.getByTestId('regularization-rate')).toHaveValue('0.01');
  await expect(fresh.getByTestId('show-test')).not.toBeChecked();
  await expect(fresh.getByTestId('discretize')).toBeChecked();
  await expect(fresh.getByTestId('play-speed')).toHaveValue('1');
  await expect(fresh.getByTestId('network-diagram')).toContainText('x₁²');
});
