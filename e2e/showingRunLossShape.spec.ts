import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('in a comparison the loss shape says which run\'s loss it shows, and follows the run tabs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&loss=focal&run2.loss=mae&views.lossShape=true');
  const panel = page.getByTestId('loss-shape');
  await expect(panel.getByTestId('showing-run-loss-shape')).toHaveText('showing run A · focal');
  await page.getByTestId('run-tab-1').click();
  await expect(panel.getByTestId('showing-run-loss-shape')).toHaveText('showing run B · MAE');
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/loss-shape-showing-run-1366x768.png' });
  // One run: nothing to say.
  await app.open('?backend=wasm&loss=focal&views.lossShape=true');
  await expect(page.getByTestId('loss-shape')).toBeVisible();
  await expect(page.getByTestId('showing-run-loss-shape')).toHaveCount(0);
});
