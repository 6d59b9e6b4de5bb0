import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
// Lesson files are plain data (the registry would bring the engine and tfjs into the spec).
import { LESSONS } from '../src/lessons/list';
import type { Lesson } from '../src/lessons/types';

/** One press of Step ×100; returns every run's last training loss. */
async function step100(app: AppPage): Promise<(number | null)[]> {
  const { page } = app;
  // A new config resets training: wait for the reset to land before stepping.
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(0);
  await page.getByTestId('step-size').selectOption('100');
  await expect(page.getByTestId('step')).toBeEnabled();
  await page.getByTestId('step').click();
  await expect.poll(async () => { const s = await app.snapshot(); return s.step === 100 && !s.playing; }, { timeout: 90_000 }).toBe(true);
  return (await app.snapshot()).runs.map((r) => r.lastLoss);
}

/** Each run's loss id, as the lesson gives it: a compare run keeps the base run's loss unless it names one. */
function lessonLosses(lesson: Lesson): string[] {
  const base = lesson.config.loss?.id ?? 'ce';
  return [base, ...(lesson.config.compare?.runs ?? []).map((run) => run.loss?.id ?? base)];
}

/** The UI shows the lesson's runs: one tab per run, and selecting a tab shows that run's loss. */
async function expectRuns(page: Page, lesson: Lesson): Promise<void> {
  const losses = lessonLosses(lesson);
  if (losses.length === 1) {
    await expect(page.getByTestId('loss')).toHaveValue(losses[0]!);
    return;
  }
  await expect(page.getByTestId(`run-tab-${losses.length}`)).toHaveCount(0);
  for (const [i, loss] of losses.entries()) {
    await page.getByTestId(`run-tab-${i}`).click();
    await expect(page.getByTestId('loss')).toHaveValue(loss);
  }
  await page.getByTestId('run-tab-0').click();
}

test('every lesson opens from the menu with its question, its runs, and trains', async ({ page }) => {
  test.setTimeout(LESSONS.length * 100_000);
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  for (const lesson of LESSONS) {
    await page.getByTestId('lessons-menu').selectOption(lesson.id);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('lesson-title')).toHaveText(lesson.title);
    await expect(page.getByTestId('lesson-question')).toContainText(lesson.question);
    await expect(page).toHaveURL(new RegExp(`\\?lesson=${lesson.id}&backend=wasm$`));
    await expectRuns(page, lesson);
    await expect(page.getByTestId('dataset')).toHaveValue(lesson.config.data!.kind!);
    await expect(page.getByTestId('layers')).toHaveValue(String(lesson.config.model?.layers ?? 2));
    // What to look for stays hidden until asked for.
    const reveal = page.getByTestId('lesson-reveal');
    await expect(reveal.locator('p').first()).toBeHidden();
    await reveal.locator('summary').click();
    await expect(reveal.locator('p').first()).toHaveText(lesson.lookFor[0]!);
    const runs = lessonLosses(lesson).length;
    await expect.poll(async () => (await app.snapshot()).runs.length).toBe(runs);
    const losses = await step100(app);
    expect(losses, lesson.id).toHaveLength(runs);
    for (const loss of losses) expect(Number.isFinite(loss), `${lesson.id}: ${loss}`).toBe(true);
    if (lesson.id === 'label-noise') await app.screenshot('lesson-label-noise');
  }
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  await expect(page).toHaveURL(/^[^?]*\?v=1&.*width=16&loss=mse&lr=0\.01&steps=600/); // the last lesson’s config stays, written in full
});

test('a lesson opens by URL; a change on top is kept in the link; an unknown lesson gives a notice', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('?lesson=label-noise&backend=wasm');
  await expect(page.getByTestId('lesson-question')).toContainText('flipped');
  await expect(page.getByTestId('label-noise')).toHaveValue('0.3');
  await expectRuns(page, LESSONS.find((l) => l.id === 'label-noise')!);
  await page.getByTestId('dataset').selectOption('moons');
  await expect(page).toHaveURL(/data=moons.*lesson=label-noise/);
  await expect(page.getByTestId('lesson-restore')).toBeVisible();

  const other = new AppPage(await context.newPage());
  await other.open(new URL(page.url()).search);
  await expect(other.page.getByTestId('lesson-panel')).toBeVisible();
  await expect(other.page.getByTestId('dataset')).toHaveValue('moons');
  await other.page.getByTestId('run-tab-3').click();
  await expect(other.page.getByTestId('loss')).toHaveValue('ldr-kl');

  await page.getByTestId('lesson-restore').click();
  await expect(page.getByTestId('dataset')).toHaveValue('gauss');
  await expect(page).toHaveURL(/\?lesson=label-noise&backend=wasm$/);

  const unknown = new AppPage(await context.newPage());
  await unknown.open('?lesson=no-such-lesson&backend=wasm');
  await expect(unknown.page.getByTestId('notices')).toContainText('lesson "no-such-lesson" is not a lesson');
  await expect(unknown.page.getByTestId('lesson-panel')).toHaveCount(0);
});

test('presenter mode: large type, hidden and locked panels from the link', async ({ page }) => {
  // Presenter type grows with the screen; on a 1920×1080 projector it is 20 px or more.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new AppPage(page);
  await app.open('?lesson=calibration&presenter=1&hide=optimizer,data&lock=loss&backend=wasm');
  const rootFontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(rootFontSize).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('optimizer')).toHaveCount(0);
  await expect(page.getByTestId('dataset')).toHaveCount(0);
  await expect(page.getByTestId('loss')).toBeDisabled();
  await expect(page.getByTestId('locked-loss')).toContainText('Locked by the teacher');
  await expect(page.getByTestId('layers')).toBeEnabled();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await app.screenshot('presenter');

  // The toggle turns presenter mode off and the link follows; the panels stay as the link says.
  await page.getByTestId('presenter-toggle').click();
  await expect(page).not.toHaveURL(/presenter=/);
  await expect(page).toHaveURL(/hide=optimizer,data&lock=loss/);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeLessThan(20);

  // hide=controls hides the whole settings column.
  await app.open('?hide=controls&backend=wasm');
  await expect(page.getByRole('complementary', { name: 'Experiment settings' })).toHaveCount(0);
  await expect(page.getByTestId('play')).toBeVisible();
});

test('keyboard: Tab reaches Play with a visible outline, Enter starts training; run tabs follow the arrow keys', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?lesson=ce-vs-mse&backend=wasm');
  const play = page.getByTestId('play');
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await play.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  const outline = await play.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.snapshot()).playing).toBe(true);
  await expect.poll(async () => (await app.snapshot()).step).toBeGreaterThan(0);
  await page.getByTestId('pause').press('Space');
  await expect.poll(async () => (await app.snapshot()).playing).toBe(false);

  // Run tabs: one tab stop, the arrow keys move the selection.
  await page.getByTestId('run-tab-0').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('run-tab-1')).toBeFocused();
  await expect(page.getByTestId('run-tab-1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('loss')).toHaveValue('mse');
  await page.keyboard.press('End');
  await expect(page.getByTestId('run-tab-2')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-tab-0')).toHaveAttribute('tabindex', '-1');
});

test('a chart shows its numbers as a table', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm');
  await step100(app);
  const lossPanel = page.getByRole('region', { name: 'Loss over training', exact: true });
  await lossPanel.getByTestId('chart-table-toggle').click();
  const table = lossPanel.getByTestId('chart-table');
  await expect(table.locator('caption')).toContainText('Training loss');
  await expect(table.locator('thead th')).toHaveText(['step', 'train', 'validation']);
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(100);
  const first = await table.locator('tbody tr').first().locator('td').first().textContent();
  expect(Number.isFinite(Number(first))).toBe(true);
  await expect(page.getByTestId('loss-chart')).toBeHidden();

  // The shared line chart (here the sharpness chart) has the same toggle.
  await page.getByTestId('view-toggle-sharpness').click();
  const sharpness = page.getByRole('region', { name: 'Sharpness', exact: true });
  await sharpness.getByTestId('chart-table-toggle').click();
  await expect(sharpness.getByTestId('chart-table').locator('caption')).toContainText('Top Hessian eigenvalue');
  await expect(sharpness.getByTestId('chart-table').locator('tbody tr').first().locator('td').first()).toHaveText(/^\d/);
  await lossPanel.getByTestId('chart-table-toggle').click();
  await expect(page.getByTestId('loss-chart')).toBeVisible();
});
