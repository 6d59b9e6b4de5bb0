import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Trains exactly `steps` steps (a multiple of 100) with the Step control and returns the last training loss. */
async function trainSteps(app: AppPage, steps: number): Promise<number> {
  const { page } = app;
  await expect.poll(async () => (await app.snapshot()).step).toBe(0);
  await page.getByTestId('step-size').selectOption('100');
  for (let done = 100; done <= steps; done += 100) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => { const s = await app.snapshot(); return s.step === done && !s.playing; }).toBe(true);
  }
  const { lastLoss } = await app.snapshot();
  expect(lastLoss).not.toBeNull();
  return lastLoss!;
}

async function expectSettings(page: Page, settings: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(settings)) await expect(page.getByTestId(testId), testId).toHaveValue(value);
}

test('a copied link opens the same configuration and trains to the same loss', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('dataset').selectOption('spiral');
  await page.getByTestId('points').fill('300');
  await page.getByTestId('activation').selectOption('relu');
  await page.getByTestId('loss').selectOption('focal');
  await page.getByTestId('learning-rate').fill('-1.5');
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  const settings = { dataset: 'spiral', points: '300', activation: 'relu', loss: 'focal', 'learning-rate': '-1.5', seed: '7' };
  await expectSettings(page, settings);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const search = new URL(link).search;
  for (const part of ['v=1', 'data=spiral', 'points=300', 'act=relu', 'loss=focal', 'lr=0.0316', 'seed=7', 'backend=cpu']) expect(search).toContain(part);

  const other = new AppPage(await context.newPage());
  await other.open(search);
  await expectSettings(other.page, settings);
  await expect(other.page.getByTestId('notices')).toHaveCount(0);
  expect((await other.snapshot()).pointsChecksum).toBe((await app.snapshot()).pointsChecksum);

  const here = await trainSteps(app, 200);
  const there = await trainSteps(other, 200);
  expect(Number.isFinite(here)).toBe(true);
  expect(Math.abs(here - there)).toBeLessThanOrEqual(1e-6);
});

test('Back and Forward move between configurations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.getByTestId('dataset').selectOption('xor');
  await expect(page).toHaveURL(/data=xor/);
  await page.waitForTimeout(700); // a settled change, not part of a drag: its own history entry
  await page.getByTestId('dataset').selectOption('spiral');
  await expect(page).toHaveURL(/data=spiral/);
  await expect(page).toHaveURL(/backend=cpu/);

  await page.goBack();
  await expect(page).toHaveURL(/data=xor/);
  await expect(page.getByTestId('dataset')).toHaveValue('xor');
  await page.goBack();
  await expect(page.getByTestId('dataset')).toHaveValue('circle');
  expect(page.url()).not.toContain('data=');
  await page.goForward();
  await expect(page.getByTestId('dataset')).toHaveValue('xor');
  await page.goForward();
  await expect(page.getByTestId('dataset')).toHaveValue('spiral');
  expect((await app.snapshot()).points).toBeGreaterThan(0);
});

test('a malformed link opens with a notice of what changed, and trains', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu&points=abc&layers=99&zzz=1');
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('points=abc is not a number → 400');
  await expect(notices).toContainText('layers=99 → 6');
  await expect(notices).toContainText('zzz is not a setting; ignored');
  await expect(page.getByTestId('layers')).toHaveValue('6');
  await expect(page).toHaveURL(/\?v=1&layers=6&backend=cpu$/);
  expect(await trainSteps(app, 100)).toBeGreaterThan(0);
});

test('what a link says is shown as text, never as markup', async ({ page }) => {
  const app = new AppPage(page);
  const markup = '<img src=x onerror=window.__xss=1>';
  await app.open(`?backend=cpu&${encodeURIComponent(markup)}=1&data=${encodeURIComponent('<b>spiral</b>')}`);
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText(`${markup} is not a setting; ignored`);
  await expect(notices).toContainText('data=<b>spiral</b> is not one of');
  await expect(notices.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('when the clipboard is refused, the link is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const app = new AppPage(page);
  await app.open('?backend=cpu&data=moons');
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('copy-link-text');
  await expect(field).toHaveValue(page.url());
  const selected = await field.evaluate((el: HTMLInputElement) => el.selectionStart === 0 && el.selectionEnd === el.value.length);
  expect(selected).toBe(true);
});

test('malformed percent-escapes open the page with a notice, no error, and it trains', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.open('?backend=cpu&%%%');
  await expect(page.getByTestId('notices')).toContainText('"%%%" has a malformed %-escape; read as the text "%%%"');
  await expect(page.getByTestId('notices')).toContainText('%%% is not a setting; ignored');
  expect(await trainSteps(app, 100)).toBeGreaterThan(0);

  await app.open('?backend=cpu&loss=%E0%A4%A&lr=0.1&lr=0.2');
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('"loss=%E0%A4%A" has a malformed %-escape');
  await expect(notices).toContainText('lr is given 2 times; the last is used');
  await expect(page.getByTestId('loss')).toHaveValue('ce');
  await expect(page).toHaveURL(/\?v=1&lr=0\.2&backend=cpu$/);
  expect(errors).toEqual([]);
});

test('a hand-typed link without v opens without a notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=cpu&data=spiral&loss=focal');
  await expect(page.getByTestId('dataset')).toHaveValue('spiral');
  await expect(page.getByTestId('loss')).toHaveValue('focal');
  await expect(page.getByTestId('notices')).toHaveCount(0);
});
