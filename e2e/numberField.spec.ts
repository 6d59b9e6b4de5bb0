import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('a number field shows the value kept after clamping, every time, and an emptied field goes back to it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  const steps = page.getByTestId('total-steps');
  await steps.fill('99999999');
  await steps.press('Enter');
  await expect(page).toHaveURL(/[?&]steps=100000(&|$)/);
  await expect(steps).toHaveValue('100000');
  // The same number again clamps to the same value: the field must not keep showing what was typed.
  await steps.fill('99999999');
  await steps.press('Enter');
  await expect(steps).toHaveValue('100000');
  // An emptied field changes nothing and shows the value again.
  await steps.fill('');
  await steps.press('Enter');
  await expect(steps).toHaveValue('100000');
  await expect(page).toHaveURL(/[?&]steps=100000(&|$)/);
  await expect(page.getByTestId('notices')).not.toContainText(/→ 10\b/);
});
