import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { insideViewport } from './layoutChecks';

// The layout while the app is used, not only as it opens: a lesson open (with the dock view it
// opens), presenter mode with a lesson, and the header while training and once T is reached.

async function openAt(page: Page, width: number, height: number, query: string): Promise<AppPage> {
  await page.setViewportSize({ width, height });
  const app = new AppPage(page);
  await app.open(`?backend=wasm&${query}`);
  await page.evaluate(() => document.fonts.ready);
  return app;
}

/** Header items that cover one another or leave the page. */
function headerClashes(page: Page): Promise<string[]> {
  return page.locator('.app-header').evaluate((h) => {
    const boxes = [...h.querySelectorAll('h1, .playback > *, .header-tools > *')].map((e) => ({ name: e.textContent!.trim().slice(0, 20), r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (const [i, a] of boxes.entries()) {
      if (a.r.right > innerWidth + 0.5) out.push(`${a.name} leaves the page`);
      for (const b of boxes.slice(i + 1)) if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) out.push(`${a.name} / ${b.name}`);
    }
    return out;
  });
}

async function height(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box?.height ?? 0;
}

test('with a lesson open at 1366×768 the boundary, the loss curve and the landscape keep a usable size, on screen', async ({ page }) => {
  await openAt(page, 1366, 768, 'lesson=ce-vs-mse');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('dock-body')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/layout-lesson-1366.png' });
  for (const id of ['boundary', 'loss-chart', 'landscape-surface-0']) {
    const { box, inside } = await insideViewport(page, id);
    expect(inside, `${id} inside the viewport: ${JSON.stringify(box)}`).toBe(true);
  }
  for (const [name, selector] of [['boundary', '[data-testid=boundary]'], ['loss curve', '[data-testid=loss-chart]'], ['landscape', '.landscape-stage']] as const) {
    expect(await height(page, selector), `${name} height`).toBeGreaterThanOrEqual(180);
  }
  // The lesson's question is on screen whole, not cut at the top of a scrolling box.
  const { box, inside } = await insideViewport(page, 'lesson-question');
  expect(inside, `lesson question inside the viewport: ${JSON.stringify(box)}`).toBe(true);
});

test('presenter mode with a lesson at 1920×1080: the boundary and the landscape each take 40 % of the height', async ({ page }) => {
  await openAt(page, 1920, 1080, 'lesson=label-noise&presenter=1&hide=data,model&lock=optimizer');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('dock-body')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/layout-lesson-presenter-1920.png' });
  expect(await height(page, '[data-testid=boundary]'), 'boundary height').toBeGreaterThanOrEqual(0.4 * 1080);
  expect(await height(page, '.landscape-stage'), 'landscape height').toBeGreaterThanOrEqual(0.4 * 1080);
  for (const id of ['boundary', 'loss-chart', 'landscape-surface-0']) {
    const { box, inside } = await insideViewport(page, id);
    expect(inside, `${id} inside the viewport: ${JSON.stringify(box)}`).toBe(true);
  }
});

// 1280 with a lesson open: its long title in the lessons menu beside "Reached T = 1,000".
for (const [width, height_, presenter, lesson] of [[1024, 768, false, ''], [1280, 720, false, 'lesson=lion-box&'], [1366, 768, false, ''], [1920, 1080, true, '']] as const) {
  test(`the header keeps one row at ${width}×${height_}${presenter ? ' in presenter mode' : ''}${lesson ? ' with a lesson' : ''}: before Play, while training, at T`, async ({ page }) => {
    // T = 1,000, reached with one Step of 1,000: the longest "Reached T = 1,000" and step count.
    const app = await openAt(page, width, height_, `${lesson}steps=1000${presenter ? '&presenter=1' : ''}`);
    const header = page.locator('.app-header');
    const before = (await header.boundingBox())!.height;
    await page.getByTestId('step-size').selectOption('1000');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('reached-total')).toBeVisible({ timeout: 120_000 });
    expect((await app.snapshot()).step).toBe(1000);
    expect((await header.boundingBox())!.height, 'header height at T').toBeCloseTo(before, 0);
    expect(await headerClashes(page)).toEqual([]);
    await page.getByTestId('continue').click();
    await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBeGreaterThan(1000);
    await expect(page.getByTestId('pause')).toBeVisible();
    expect((await header.boundingBox())!.height, 'header height while training').toBeCloseTo(before, 0);
    expect(await headerClashes(page)).toEqual([]);
  });
}

test('presenter mode at 1920×1080: the loss curve keeps its height with the numbers beside it; six runs show six table rows', async ({ page }) => {
  const app = await openAt(page, 1920, 1080, 'presenter=1');
  // Numbers in every cell, so the layout has its final widths.
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 90_000 }).toBe(100);
  await expect(page.getByTestId('validation-accuracy')).not.toHaveText('—');
  const chart = (await page.getByTestId('loss-chart').boundingBox())!;
  const numbers = (await page.locator('.core .metrics').first().boundingBox())!;
  expect(chart.height, 'loss curve height').toBeGreaterThanOrEqual(180);
  expect(numbers.x, 'numbers beside the curve').toBeGreaterThanOrEqual(chart.x + chart.width);
  for (const id of ['boundary', 'loss-chart', 'train-loss', 'validation-accuracy']) {
    const { box, inside } = await insideViewport(page, id);
    expect(inside, `${id} inside the viewport: ${JSON.stringify(box)}`).toBe(true);
  }
  await page.screenshot({ path: 'e2e/screenshots/layout-presenter-loss-1920.png' });

  await page.goto('/?backend=wasm&presenter=1&run2.loss=mae&run3.loss=gce&run4.loss=focal&run5.loss=brier&run6.loss=label-smoothing');
  await expect(page.getByTestId('summary-row')).toHaveCount(6);
  const dock = (await page.getByTestId('dock-body').boundingBox())!;
  const last = (await page.getByTestId('summary-row').last().boundingBox())!;
  expect(last.y + last.height, 'the sixth row inside the dock').toBeLessThanOrEqual(dock.y + dock.height + 0.5);
  await page.screenshot({ path: 'e2e/screenshots/layout-presenter-6runs-1920.png' });
});

test('Path trust opens inside the viewport and closes on Escape and on a click outside', async ({ page }) => {
  const app = await openAt(page, 1366, 768, '');
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 90_000 }).toBe(100);
  const trust = page.locator('.landscape-trust');
  await page.getByTestId('landscape-trust').click();
  await expect(trust).toHaveAttribute('open', '');
  const body = (await page.locator('.landscape-trust-body').boundingBox())!;
  expect(body.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(body.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(body.x + body.width, 'right edge').toBeLessThanOrEqual(1366);
  expect(body.y + body.height, 'bottom edge').toBeLessThanOrEqual(768);
  // Nothing covers it: the point at its centre is inside it.
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.landscape-trust-body') !== null, [body.x + body.width / 2, body.y + body.height / 2]);
  expect(hit, 'the popover is on top where it is drawn').toBe(true);
  await page.screenshot({ path: 'e2e/screenshots/layout-path-trust-1366.png' });
  await page.keyboard.press('Escape');
  await expect(trust).not.toHaveAttribute('open', '');
  await expect(page.getByTestId('landscape-trust')).toBeFocused();
  await page.getByTestId('landscape-trust').click();
  await expect(trust).toHaveAttribute('open', '');
  await page.getByTestId('loss-chart').click();
  await expect(trust).not.toHaveAttribute('open', '');
});

test('calibration at 1366×768: the rules\' labels do not overlap, the diagram fits the dock', async ({ page }) => {
  const app = await openAt(page, 1366, 768, 'views.calibration=true');
  await page.getByTestId('step-size').selectOption('100');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 90_000 }).toBe(100);
  const labels = page.getByTestId('confidence-histogram').locator('.histogram-rules text');
  await expect(labels).toHaveCount(2, { timeout: 60_000 });
  const [a, b] = [(await labels.nth(0).boundingBox())!, (await labels.nth(1).boundingBox())!];
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, `accuracy ${JSON.stringify(a)} / mean confidence ${JSON.stringify(b)}`).toBe(false);
  const dock = (await page.getByTestId('dock-body').boundingBox())!;
  const diagram = (await page.getByTestId('reliability-diagram').boundingBox())!;
  expect(diagram.y + diagram.height, 'the diagram inside the dock').toBeLessThanOrEqual(dock.y + dock.height + 0.5);
  await page.screenshot({ path: 'e2e/screenshots/layout-calibration-1366.png' });
});

test('preference charts at 1366×768: captions wrap whole, the charts have height, the loss legend names only what is drawn', async ({ page }) => {
  const app = await openAt(page, 1366, 768, 'task=preference&loss=dpo');
  await page.getByTestId('step-size').selectOption('10');
  await page.getByTestId('step').click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 60_000 }).toBe(10);
  const captions = await page.locator('.preference-chart figcaption').evaluateAll((els) => els.map((e) => ({ text: e.textContent, scroll: e.scrollWidth, client: e.clientWidth })));
  expect(captions.length).toBe(4);
  for (const c of captions) expect(c.scroll, `caption "${c.text}" not cut`).toBeLessThanOrEqual(c.client);
  for (const id of ['logprob', 'cosine', 'margin', 'win-rate']) {
    const box = (await page.getByTestId(`preference-chart-${id}`).boundingBox())!;
    expect(box.height, `${id} chart height`).toBeGreaterThanOrEqual(90);
  }
  await expect(page.getByRole('region', { name: 'Loss over training' }).locator('.chart-header')).not.toContainText('validation');
  await page.screenshot({ path: 'e2e/screenshots/layout-preference-1366.png' });
});

test('a locked Total steps field reads as off, and the lessons menu holds the whole title', async ({ page }) => {
  await openAt(page, 1366, 768, 'lesson=label-noise&lock=optimizer');
  const total = page.getByTestId('total-steps');
  await expect(total).toBeDisabled();
  const background = await total.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(background, 'not the white of an editable field').not.toBe('rgb(255, 255, 255)');
  await expect(page.getByTestId('lessons-menu')).toHaveAttribute('title', /^2\. Noisy labels: CE vs MAE vs GCE vs LDR-KL/);
});
