import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';
import { atEachScreen } from './layoutChecks';

// Text that stays readable where space is short: loss formulas in the settings column, the
// loss-shape chart's type in the dock, the runs' surfaces in a four-run lesson on a projector,
// the lessons menu's title and the regression readout's labels.

async function openAt(page: Page, query: string): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open(`?backend=wasm&${query}`);
  await page.evaluate(() => document.fonts.ready);
  return app;
}

interface FormulaReport {
  tex: string;
  /** KaTeX's type size, the smallest over the formula's statements, in px. */
  katexPx: number;
  belowMin: boolean;
  /** Pieces (KaTeX's unbreakable runs) outside the panel, sideways. */
  outside: number;
  /** Statements that break over lines though they would fit the panel's width on one line. */
  needlessBreaks: string[];
}

/** The Loss panel's formula, measured once it shows the TeX it was given. */
async function formulaReport(page: Page): Promise<FormulaReport> {
  const formula = page.getByTestId('loss-formula');
  await expect.poll(() => formula.evaluate((f) => f.getAttribute('data-rendered') === f.getAttribute('data-tex'))).toBe(true);
  await page.evaluate(() => document.fonts.ready);
  return formula.evaluate((host) => {
    const panel = host.closest('fieldset')!.getBoundingClientRect();
    const pieces = [...host.querySelectorAll('.katex-html > .base')].map((b) => b.getBoundingClientRect());
    const needlessBreaks = [...host.querySelectorAll('.formula-part')].flatMap((part) => {
      const bases = [...part.querySelectorAll('.katex-html > .base')].map((b) => b.getBoundingClientRect());
      // KaTeX's pieces run left to right along a line (their tops differ with their height): a piece left of the one before starts a line.
      const lines = 1 + bases.filter((b, i) => i > 0 && b.left < bases[i - 1]!.left).length;
      const oneLine = bases.reduce((sum, b) => sum + b.width, 0);
      return lines > 1 && oneLine <= host.clientWidth ? [`${part.textContent?.slice(0, 30)} (${Math.round(oneLine)} px in ${host.clientWidth})`] : [];
    });
    return {
      tex: host.getAttribute('data-tex') ?? '',
      katexPx: Math.min(...[...host.querySelectorAll('.katex')].map((k) => parseFloat(getComputedStyle(k).fontSize))),
      belowMin: host.hasAttribute('data-below-min'),
      outside: pieces.filter((p) => p.left < panel.left - 0.5 || p.right > panel.right + 0.5).length,
      needlessBreaks,
    };
  });
}

// Each task's loss menu, in the settings column. Classification with three classes offers all but
// the two-class loss (EnsLoss), which two classes add.
const TASKS = [
  ['classification', 'data=blobs&classes=3'],
  ['classification', 'data=circle'],
  ['regression', 'task=regression'],
  ['MoE', 'model=moe&data=blobs&classes=3'],
  ['preference', 'task=preference'],
] as const;

for (const presenter of [false, true]) {
  test(`every loss's formula in every task is whole and legible in the settings column at 1366×768 and 1920×1080${presenter ? ' in presenter mode' : ''}`, async ({ page }) => {
    test.setTimeout(300_000);
    const checked = new Set<string>();
    const seen = new Set<string>();
    // Every problem, not only the first: the list says which formulas to look at.
    const problems: string[] = [];
    for (const [task, query] of TASKS) {
      await openAt(page, `${query}${presenter ? '&presenter=1' : ''}`);
      const offered = await page.getByTestId('loss').locator('option').evaluateAll((els) => els.filter((e) => !(e as HTMLOptionElement).disabled).map((e) => (e as HTMLOptionElement).value));
      expect(offered.length, `${task}: losses offered`).toBeGreaterThanOrEqual(task === 'preference' || task === 'regression' ? 7 : 18);
      const ids = offered.filter((id) => !seen.has(`${task}:${id}`));
      for (const id of ids) seen.add(`${task}:${id}`);
      await atEachScreen(page, async (width) => {
        // KaTeX's type is 1.21 em of the formula's 0.95 rem, shrunk to 90 % at most: 14.5 px on a
        // 14 px page, 20.8 px in presenter mode on a projector (its root type is 20 px and more).
        const least = presenter && width >= 1920 ? 20 : 14;
        for (const id of ids) {
          await page.getByTestId('loss').selectOption(id);
          const r = await formulaReport(page);
          checked.add(r.tex);
          const where = `${task} ${id} at ${width}${presenter ? ' presenter' : ''}`;
          if (r.katexPx < least) problems.push(`${where}: type ${r.katexPx.toFixed(1)} px, under ${least}`);
          if (r.belowMin) problems.push(`${where}: a term shrunk below the minimum`);
          if (r.outside > 0) problems.push(`${where}: ${r.outside} pieces outside the panel`);
          for (const b of r.needlessBreaks) problems.push(`${where}: broken though it fits on a line: ${b}`);
        }
      });
    }
    expect(problems).toEqual([]);
    // Every task's formulas were seen (21 classification, 7 regression, 7 preference), the long ones among them.
    expect(checked.size).toBeGreaterThanOrEqual(35);
    for (const long of ['\\Phi', '\\begin{cases}', 'ascent on']) expect([...checked].some((tex) => tex.includes(long)), long).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('loss').selectOption('ga');
    await formulaReport(page);
    await page.screenshot({ path: `e2e/screenshots/legibility-formula-ga-1366${presenter ? '-presenter' : ''}.png` });
  });
}

/** The loss-shape chart's text as drawn: its CSS size times the SVG's scale, and whether any two labels overlap. */
function chartText(page: Page, testId: string): Promise<{ drawnPx: number[]; scale: number; overlaps: string[]; outside: string[] }> {
  return page.getByTestId(testId).evaluate((svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim());
    const rects = texts.map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) {
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    const outside = rects.filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1).map(({ text }) => text);
    return { drawnPx: texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale), scale, overlaps, outside };
  });
}

for (const [name, query] of [
  ['a lesson open (the dock beside it)', 'lesson=label-noise&views.lossShape=true'],
  ['presenter mode', 'presenter=1&views.lossShape=true'],
  ['HL-Gauss in presenter mode', 'task=regression&loss=hl-gauss&presenter=1&views.lossShape=true'],
] as const) {
  test(`the loss-shape chart's type is its CSS size, whatever the chart's size: ${name}`, async ({ page }) => {
    await openAt(page, query);
    const presenter = query.includes('presenter=1');
    const charts = query.includes('hl-gauss') ? ['loss-shape-chart', 'target-histogram'] : ['loss-shape-chart'];
    await atEachScreen(page, async (width) => {
      await expect(page.getByTestId('loss-shape-chart').locator('[data-panel="loss"] .axis .tick text').first()).toBeVisible();
      // 11 px everywhere; presenter mode's 1 rem, 20 px and more on a 1920×1080 projector.
      const least = presenter ? (width >= 1920 ? 20 : 16) : 11;
      for (const chart of charts) {
        const t = await chartText(page, chart);
        expect(t.scale, `${chart} at ${width}: drawn at its size`).toBeCloseTo(1, 2);
        expect(Math.min(...t.drawnPx), `${chart} at ${width}: smallest type`).toBeGreaterThanOrEqual(least - 0.5);
        expect(t.overlaps, `${chart} at ${width}: overlapping labels`).toEqual([]);
        expect(t.outside, `${chart} at ${width}: labels outside the chart`).toEqual([]);
      }
      await page.getByTestId('loss-shape').screenshot({ path: `e2e/screenshots/legibility-loss-shape-${query.includes('hl-gauss') ? 'hl-gauss-' : ''}${presenter ? 'presenter-' : 'lesson-'}${width}.png` });
    });
  });
}

test('a four-run lesson in presenter mode keeps every surface at least 150 px, each reachable on screen', async ({ page }) => {
  await openAt(page, 'lesson=label-noise&presenter=1');
  await expect(page.getByTestId('landscape-multiple-3')).toBeVisible();
  await atEachScreen(page, async (width, height) => {
    for (const run of [0, 1, 2, 3]) {
      const surface = page.getByTestId(`landscape-surface-${run}`);
      await surface.scrollIntoViewIfNeeded();
      const box = (await surface.boundingBox())!;
      expect(box.width, `surface ${run} width at ${width}`).toBeGreaterThanOrEqual(150);
      expect(box.height, `surface ${run} height at ${width}`).toBeGreaterThanOrEqual(150);
      // Scrolled to, it is whole inside the viewport and inside the landscape panel.
      const panel = (await page.getByTestId('landscape-panel').boundingBox())!;
      expect(box.y >= panel.y - 0.5 && box.y + box.height <= panel.y + panel.height + 0.5, `surface ${run} inside its panel at ${width}`).toBe(true);
      expect(box.y + box.height, `surface ${run} on screen at ${width}`).toBeLessThanOrEqual(height + 0.5);
    }
    await page.locator('.landscape-stage').evaluate((stage) => stage.scrollTo(0, 0));
    await page.screenshot({ path: `e2e/screenshots/legibility-four-runs-presenter-${width}.png` });
  });
  // The first surface leads the stage: on screen without scrolling.
  const first = (await page.getByTestId('landscape-surface-0').boundingBox())!;
  expect(first.y + first.height).toBeLessThanOrEqual(1080);
});

test('the closed lessons menu cuts a long title at a word, and "predicting the mean: MSE" keeps one line', async ({ page }) => {
  for (const [lesson, title] of [
    ['label-noise', '2. Noisy labels: CE vs MAE vs GCE vs LDR-KL'],
    ['ce-vs-mse', '1. Cross-entropy vs squared error'],
  ] as const) {
    await openAt(page, `lesson=${lesson}`);
    const shown = page.getByTestId('lessons-menu-current');
    await atEachScreen(page, async (width) => {
      await expect(page.getByTestId('lessons-menu')).toHaveAttribute('title', new RegExp(`^${title}`));
      const { text, fits } = await shown.evaluate((e) => ({ text: e.textContent ?? '', fits: e.scrollWidth <= e.clientWidth }));
      expect(fits, `the shown title fits the menu at ${width}: "${text}"`).toBe(true);
      // The short title is whole where the header has room (24 rem from 1600 px); the long one is cut.
      if (lesson === 'ce-vs-mse' && width >= 1600) expect(text, 'the whole title where the header has room').toBe(title);
      if (lesson === 'label-noise') {
        expect(text, `cut with "…" at ${width}`).toMatch(/…$/);
        const kept = text.slice(0, -1);
        expect(title.startsWith(kept), `"${text}" starts the title`).toBe(true);
        // At a word: what follows the kept part in the title is a space or punctuation, not a letter.
        expect(title.slice(kept.length), `"${text}" ends at a word`).toMatch(/^[\s:;,.—–-]/);
        expect(kept.length, `more than a word at ${width}`).toBeGreaterThan(width >= 1600 ? 25 : 8);
      }
      if (lesson === 'label-noise') await page.locator('.app-header').screenshot({ path: `e2e/screenshots/legibility-lessons-menu-${width}.png` });
    });
  }

  for (const presenter of [false, true]) {
    await openAt(page, `lesson=hl-gauss-vs-mse${presenter ? '&presenter=1' : ''}`);
    const label = page.getByTestId('regression-readout').locator('dt', { hasText: 'predicting the mean' });
    await atEachScreen(page, async (width) => {
      await expect(label).toBeVisible();
      const { lines, cut } = await label.evaluate((dt) => ({
        lines: Math.round(dt.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight === 'normal' ? String(parseFloat(getComputedStyle(dt).fontSize) * 1.2) : getComputedStyle(dt).lineHeight)),
        cut: dt.scrollWidth > dt.clientWidth,
      }));
      expect(lines, `one line at ${width}${presenter ? ' presenter' : ''}`).toBe(1);
      expect(cut, `not cut at ${width}${presenter ? ' presenter' : ''}`).toBe(false);
    });
  }
});
