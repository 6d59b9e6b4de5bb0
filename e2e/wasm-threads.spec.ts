import { expect, test, type Page } from '@playwright/test';
import { DEV_PORT } from '../playwright.config';
import { AppPage } from './app';

// The servers send COOP/COEP (vite.config.ts), so the page is cross-origin isolated and the
// surveyor's WASM runs threaded (src/workers/wasmThreads.ts); the trainer stays single-threaded,
// which was faster for its small steps. Both the production build (minified: the case tfjs's own
// thread start-up breaks in) and the dev server (pre-bundled modules) must compute a surface.
async function surfaceOnThreads(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'wasm', { timeout: 90_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.waitForFunction(() => window.__losscape !== undefined);
  await page.evaluate(() => window.__losscape!.setConfig({ landscape: { open: true, resolution: 11 } }));
  await page.evaluate(() => window.__losscape!.client.step(20));
  await expect.poll(() => page.evaluate(() => window.__losscape!.landscape().completed), { timeout: 90_000 }).toBeGreaterThan(0);
  const landscape = await page.evaluate(() => window.__losscape!.landscape());
  expect(landscape.error).toBeNull();
  expect(landscape.min !== null && Number.isFinite(landscape.min)).toBe(true);
  // The threaded build starts its thread workers (blob: URLs) whatever the cores; tfjs then runs
  // half the logical cores as threads (one below four cores, where the badge says nothing).
  expect(page.workers().filter((w) => w.url().startsWith('blob:')).length).toBeGreaterThan(0);
  const text = page.getByTestId('landscape-backend');
  if (cores >= 4) await expect(text).toContainText(/landscape on wasm\/\w+, [\d.]+ m?s per 51×51, \d+ threads/);
  else await expect(text).not.toContainText('threads');
  await expect(badge.locator('strong')).not.toContainText('threads');
  const snapshot = await new AppPage(page).snapshot();
  expect(snapshot.step).toBe(20);
  expect(errors).toEqual([]);
}

test('the production build is cross-origin isolated and surveys on threaded WASM', async ({ page }) => {
  await surfaceOnThreads(page, '/?backend=wasm');
});

test('the dev server is cross-origin isolated and surveys on threaded WASM', async ({ page }) => {
  await surfaceOnThreads(page, `http://127.0.0.1:${DEV_PORT}/?backend=wasm`);
});
