import { expect, test } from '@playwright/test';
import { DEV_PORT } from '../playwright.config';
import { AppPage } from './app';

// `npm start` serves the app from Vite's dev server, whose pre-bundled modules load in another
// order than the production build's: the app must train there too, on every backend it picks.
for (const backend of ['wasm', 'cpu'] as const) {
  test(`the dev server (npm start) serves an app that trains on ${backend}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const app = new AppPage(page);
    await page.goto(`http://127.0.0.1:${DEV_PORT}/?backend=${backend}`);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend, { timeout: 90_000 });
    await app.trainUntilLossBelow(0.5);
    expect(errors).toEqual([]);
  });
}
