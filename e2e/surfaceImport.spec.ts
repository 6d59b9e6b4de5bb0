import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { findTorchPython } from '../src/torchExport/torchPython';
import { AppPage } from './app';
import { colouredShare } from './canvasChecks';

const LINK = '?v=1&backend=cpu&data=moons&seed=5';
/** A surface of the same experiment from the same exporter (landscape.py --steps 60 --resolution 21), for machines without PyTorch. */
const FIXTURE = 'e2e/fixtures/surface-moons-21.json';

interface SurfaceFile {
  resolution: number;
  losses: number[][];
  path: { steps: number[] };
}

/** The app's own PyTorch export of LINK, run with PyTorch (torchrun, two processes) to a 201×201 surface.json; the fixture without PyTorch. */
async function exportedSurface(page: Page, folder: string): Promise<{ file: string; torch: boolean }> {
  const python = findTorchPython();
  if (!python.path) {
    test.info().annotations.push({ type: 'skip-torch', description: `${python.message} A surface from the same exporter (${FIXTURE}) is imported instead.` });
    return { file: FIXTURE, torch: false };
  }
  return { file: await torchrunSurface(page, folder, python.path, ['--steps', '60', '--resolution', '201']), torch: true };
}

/** The page's PyTorch export, unzipped into `folder` and run as `torchrun --nproc_per_node=2 landscape.py …`; the surface.json's path. */
async function torchrunSurface(page: Page, folder: string, python: string, options: string[]): Promise<string> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-torch').click()]);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(folder, name.replace(/^losscape-torch\//, '')), bytes);
  // Debian's torch 1.13 on Python 3.11 needs --redirects/--tee set (see src/torchExport/reproduce.test.ts).
  const args = ['-m', 'torch.distributed.run', '--nproc_per_node=2', '--redirects', '1', '--tee', '1', 'landscape.py', ...options, '--out', 'surface.json'];
  const run = spawnSync(python, args, { cwd: folder, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  expect(run.status, run.stderr).toBe(0);
  return join(folder, 'surface.json');
}

test('a surface computed by the PyTorch export imports back: provenance, the 3-D mesh, contours; a bad file changes nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(LINK);
  const folder = mkdtempSync(join(tmpdir(), 'losscape-surface-'));
  try {
    const { file, torch } = await exportedSurface(page, folder);
    const surface = JSON.parse(readFileSync(file, 'utf8')) as SurfaceFile;
    const R = surface.resolution;
    if (torch) expect(R).toBe(201);
    const min = Math.min(...surface.losses.flat());

    // Import surface (JSON)… in the Export menu.
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('import-surface').setInputFiles(file);
    const provenance = page.getByTestId('landscape-imported');
    await expect(provenance).toContainText(
      `Imported from PyTorch (${torch ? 'surface.json' : 'surface-moons-21.json'}): ${R}×${R}, filter-normalised random directions, loss Cross-entropy, model 2-8-8-2, after 60 steps of run A${torch ? ', computed by 2 processes' : ''}; its path has ${surface.path.steps.length} checkpoints.`,
    );
    await expect(page.getByTestId('export-menu')).not.toHaveAttribute('open');
    const caption = page.getByTestId('landscape-caption');
    await expect(caption).toHaveAttribute('data-resolution', String(R));
    expect(Number(await caption.getAttribute('data-min'))).toBeCloseTo(min, 5);
    // 201×201 is drawn in 3-D as every second point, and the panel says so.
    const mesh = torch ? 101 : R;
    await expect(provenance).toHaveAttribute('data-mesh-resolution', String(mesh));
    if (torch) await expect(caption).toContainText('The 3-D view draws 101×101 of its points (every second in each direction) to stay smooth; the contour view draws all 201×201.');
    // The mesh is drawn: most of the canvas is in viridis colours.
    await expect.poll(() => colouredShare(page, 'landscape-surface'), { timeout: 30_000 }).toBeGreaterThan(0.1);
    await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/landscape-imported-1366.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => colouredShare(page, 'landscape-surface'), { timeout: 30_000 }).toBeGreaterThan(0.1);
    await page.screenshot({ path: 'e2e/screenshots/landscape-imported-1920.png' });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Hovering reads the imported grid.
    const box = (await page.getByTestId('landscape-surface').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height / 2 + 4);
    await expect(page.getByTestId('landscape-hover')).toContainText(/α -?\d.*β -?\d.*loss \d/);

    // The contour view draws the whole grid as filled bands, with the path.
    await page.getByTestId('landscape-view-contour').click();
    await expect.poll(() => page.locator('[data-testid="landscape-contour"] [data-layer="bands"] path').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('contour-path')).toHaveAttribute('d', /^M.+L/);
    await page.getByTestId('landscape-view-surface').click();

    // A file of the wrong version, dropped on the panel, is refused with a message; the surface stays.
    const newer = JSON.stringify({ ...surface, version: 2 });
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'newer.json', { type: 'application/json' }));
      return dt;
    }, newer);
    await page.getByTestId('landscape-panel').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('surface-import-error')).toContainText('“newer.json” is not a Losscape surface: it is version 2 of the surface format, newer than this app reads (1).');
    await expect(provenance).toContainText(`${R}×${R}`);
    // A grid with a NaN, from the menu: refused, naming the point.
    const holed = readFileSync(file, 'utf8').replace(/"losses": \[\[[-\d.e]+/, '"losses": [[NaN');
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('import-surface').setInputFiles({ name: 'holed.json', mimeType: 'application/json', buffer: Buffer.from(holed) });
    await expect(page.getByTestId('surface-import-error')).toContainText('losses[0][0] is NaN');
    await expect(provenance).toBeVisible();

    // Back to the live surface; the app trains as before.
    await page.getByTestId('landscape-imported-close').click();
    await expect(provenance).toHaveCount(0);
    await expect(page.getByTestId('landscape-surface')).toBeVisible();
    const before = (await app.snapshot()).step;
    await app.play();
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 30_000 }).toBeGreaterThan(before);
    await app.pause();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a mixture of experts’ surface from landscape.py under torchrun imports back, named as a mixture', async ({ page }) => {
  const python = findTorchPython();
  test.skip(!python.path, python.message);
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('?v=1&backend=cpu&model=moe&data=xor&experts=3&top-k=2&lbl-alpha=0.2&router-z=0.01&seed=5');
  const folder = mkdtempSync(join(tmpdir(), 'losscape-surface-'));
  try {
    const file = await torchrunSurface(page, folder, python.path!, ['--steps', '20', '--resolution', '11']);
    const surface = JSON.parse(readFileSync(file, 'utf8')) as SurfaceFile & { experts: number };
    expect(surface.experts).toBe(3);
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('import-surface').setInputFiles(file);
    await expect(page.getByTestId('landscape-imported')).toContainText('11×11, filter-normalised random directions, loss Cross-entropy, a mixture of 3 experts, each 2-8-8-2, after 20 steps of run A, computed by 2 processes');
    expect(Number(await page.getByTestId('landscape-caption').getAttribute('data-min'))).toBeCloseTo(Math.min(...surface.losses.flat()), 5);
    await expect.poll(() => colouredShare(page, 'landscape-surface'), { timeout: 30_000 }).toBeGreaterThan(0.1);
    await page.getByTestId('landscape-panel').screenshot({ path: 'e2e/screenshots/landscape-imported-moe-1366.png' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
