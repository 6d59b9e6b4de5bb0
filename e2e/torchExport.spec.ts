import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { AppPage } from './app';

const PROJECT_FILES = [
  'README.md',
  'compat.py',
  'data.json',
  'data.py',
  'evaluate.py',
  'experiment.py',
  'features.py',
  'generate.py',
  'generate_regression.py',
  'landscape.py',
  'losses.py',
  'metrics.py',
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
