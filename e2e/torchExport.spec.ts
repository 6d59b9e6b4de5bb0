import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { AppPage } from './app';

const PROJECT_FILES = [
  'README.md',
  'batch_losses.py',
  'compat.py',
  'data.json',
  'data.py',
  'ensloss.py',
  'evaluate.py',
  'experiment.py',
  'features.py',
  'generate.py',
  'generate_preference.py',
  'generate_regression.py',
  'landscape.py',
  'landscape_objective.py',
  'losses.py',
  'metrics.py',
  'mixup.py',
  'model.py',
  'moe.py',
  'optim.py',
  'preference.py',
  'preference_losses.py',
  'regression_losses.py',
  'regression_targets.py',
  'regularization.py',
  'requirements.txt',
  'rng.py',
  'train.py',
  'weights.json',
];

test('the Export menu downloads the comparison as a PyTorch project zip', async ({ page }) => {
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('?v=1&backend=cpu&data=moons&loss=focal&loss.gamma=3&run2.loss=mae&seed=5');
  const menu = page.getByTestId('export-menu');
  await menu.locator('summary').click();
  await expect(page.getByTestId('export-torch')).toHaveText('PyTorch project (zip)');
  await page.screenshot({ path: 'e2e/screenshots/export-torch-menu-1366.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByTestId('export-torch')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/export-torch-menu-1920.png' });

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-torch').click()]);
  expect((file as Download).suggestedFilename()).toMatch(/^losscape-pytorch-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile(await file.path())));
  expect(Object.keys(entries).sort()).toEqual(PROJECT_FILES.map((name) => `losscape-torch/${name}`));

  // What the page trains is what the project trains: both runs, the loss parameters, the seed, the data.
  const experiment = strFromU8(entries['losscape-torch/experiment.py']!);
  expect(experiment).toContain('SEED = 5');
  expect(experiment).toContain('"loss": "focal"');
  expect(experiment).toContain('"loss_params": {"gamma": 3}');
  expect(experiment).toContain('"loss": "mae"');
  const data = JSON.parse(strFromU8(entries['losscape-torch/data.json']!)) as { source: { kind: string }; train: { y: number[] } };
  expect(data.source.kind).toBe('moons');
  expect(data.train.y).toHaveLength(240);
  await expect(menu).not.toHaveAttribute('open');
  await expect(page.getByTestId('export-torch-error')).toHaveCount(0);
});

/** Downloads the page's PyTorch project and returns its files by name. */
async function downloadProject(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-torch').click()]);
  const entries = unzipSync(new Uint8Array(await readFile(await file.path())));
  await expect(page.getByTestId('export-torch-error')).toHaveCount(0);
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name.replace('losscape-torch/', ''), strFromU8(bytes)]));
}

test('a regression with input features and L2, and a preference comparison, export as PyTorch projects', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?v=1&backend=cpu&task=regression&data=plane&loss=hl-gauss&features=x1,x2,x1x2,sinx1&reg=l2&reg-rate=0.01');
  const regression = await downloadProject(page);
  expect(regression['experiment.py']).toContain('TASK = "regression"');
  expect(regression['experiment.py']).toContain('"regularization": "l2"');
  const data = JSON.parse(regression['data.json']!) as { task: string; input_features: string[] };
  expect(data).toMatchObject({ task: 'regression', input_features: ['x1', 'x2', 'x1x2', 'sinx1'] });
  // Four features in, one logit per HL-Gauss bin out.
  expect((JSON.parse(regression['weights.json']!) as { sizes: number[] }).sizes).toEqual([4, 8, 8, 32]);

  await app.open('?v=1&backend=cpu&task=preference&loss=dpo&run2.loss=npo');
  const preference = await downloadProject(page);
  expect(preference['experiment.py']).toContain('TASK = "preference"');
  expect(preference['experiment.py']).toContain('"loss": "npo"');
  expect((JSON.parse(preference['data.json']!) as { task: string }).task).toBe('preference');
});
