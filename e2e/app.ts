import { expect, type Page } from '@playwright/test';
import type { AppSnapshot } from '../src/app/testHook';

/** A page object over the app: what a person clicks, and what the app exposes to tests. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /.+/);
    await expect.poll(async () => (await this.snapshot()).points).toBeGreaterThan(0);
  }

  snapshot(): Promise<AppSnapshot> {
    return this.page.evaluate(() => window.__losscape!.snapshot());
  }

  async play(): Promise<void> {
    await this.page.getByTestId('play').click();
  }

  async pause(): Promise<void> {
    await this.page.getByTestId('pause').click();
    await expect.poll(async () => (await this.snapshot()).playing).toBe(false);
  }

  /** Trains until the training loss is below `fraction` of its first value. */
  async trainUntilLossBelow(fraction: number, timeout = 90_000): Promise<AppSnapshot> {
    await this.play();
    await expect
      .poll(
        async () => {
          const s = await this.snapshot();
          return s.firstLoss !== null && s.lastLoss !== null && s.lastLoss < fraction * s.firstLoss;
        },
        { timeout, intervals: [250] },
      )
      .toBe(true);
    await this.pause();
    return this.snapshot();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
