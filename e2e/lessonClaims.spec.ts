import { expect, test } from '@playwright/test';
import { AppPage } from './app';
// Lesson files are plain data (the registry would bring the engine and tfjs into the spec).
import { LESSONS } from '../src/lessons/list';

/** The lesson's length T: its own total steps, or the default. */
function lessonLength(id: string): number {
  return LESSONS.find((l) => l.id === id)!.config.training?.totalSteps ?? 2000;
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: Play stops at T and the panel says the claim held`, async ({ page }) => {
    test.setTimeout(240_000);
    const app = new AppPage(page);
    await app.open(`?lesson=${lesson.id}&backend=wasm`);
    const total = lessonLength(lesson.id);
    await expect(page.getByTestId('lesson-claim-text')).toHaveText(lesson.claim.text);
    await expect(page.getByTestId('lesson-claim-pending')).toContainText(`T = ${total.toLocaleString('en')}`);
    await expect.poll(async () => (await app.snapshot()).runs.length).toBe(1 + (lesson.config.compare?.runs.length ?? 0));
    await expect(page.getByTestId('play')).toBeEnabled();
    await app.play();
    // Play stops by itself at T, and says so.
    const reached = page.getByTestId('reached-total');
    await expect(reached).toContainText(`Reached T = ${total.toLocaleString('en')} — continue?`, { timeout: 180_000 });
    await expect(reached.getByTestId('continue')).toBeVisible();
    const snapshot = await app.snapshot();
    expect(snapshot.step).toBe(total);
    expect(snapshot.playing).toBe(false);
    const verdict = page.getByTestId('lesson-claim-verdict');
    await expect(verdict).toContainText(`at step ${total.toLocaleString('en')}`);
    const numbers = await verdict.getByTestId('lesson-claim-numbers').locator('tbody tr').allInnerTexts();
    expect(numbers.length, lesson.id).toBeGreaterThan(0);
    expect(await verdict.getAttribute('data-held'), `${lesson.id}: ${numbers.join(' | ')}`).toBe('true');
    await expect(verdict).toContainText('✓ It held on this run');
    if (lesson.id === 'label-smoothing') await app.screenshot('lesson-claim-held');
  });
}

test('Continue runs on past T, and Play from there trains until paused', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lesson=lion-box&backend=wasm');
  const total = lessonLength('lion-box');
  await expect(page.getByTestId('play')).toBeEnabled();
  await app.play();
  await expect(page.getByTestId('reached-total')).toBeVisible({ timeout: 180_000 });
  await page.getByTestId('continue').click();
  await expect(page.getByTestId('reached-total')).toHaveCount(0);
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(total + 50);
  await app.pause();
  const stopped = (await app.snapshot()).step;
  expect(stopped).toBeGreaterThan(total);
  // Past T the panel checks the claim where training stopped, and says it is past T.
  await expect(page.getByTestId('lesson-claim-verdict')).toContainText(`past T = ${total.toLocaleString('en')}`);
});

test('the lesson panel with its verdict, at 1366×768 and 1920×1080', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lesson=label-smoothing&backend=wasm');
  await expect(page.getByTestId('play')).toBeEnabled();
  await app.play();
  await expect(page.getByTestId('lesson-claim-verdict')).toHaveAttribute('data-held', 'true', { timeout: 180_000 });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId('lesson-claim-numbers')).toBeVisible();
    await app.screenshot(`lesson-claim-${width}x${height}`);
  }
});
