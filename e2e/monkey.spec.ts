import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app';

// A seeded "monkey": hundreds of random control changes, plays, pauses, steps, resets, lesson
// switches and Back/Forward while training, then: no page error, the URL and the controls agree
// (a fresh page opened on the URL shows the same settings), and training still runs.
// Controls are found by role and accessible name only: the layout may move them.

const ACTIONS = 320;
const SEED = 20261130;

/** mulberry32, as the app's own rng: the same sequence of actions on every run. */
function random(seed: number): { next(): number; int(n: number): number } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Controls whose state is the page's, not the experiment's (not in the URL): left out of the comparison. */
const NOT_IN_URL = new Set(['Steps per press of Step', 'x', 'y', 'Lessons', 'log scale']);
const SELECTS = ['Loss', 'Optimizer', 'Dataset', 'Activation', 'Schedule', 'Batch size', 'Label noise kind', 'Binning', 'Directions', 'Resolution', 'Steps per press of Step'];
const SLIDERS = ['Learning rate η', 'Points', 'Noise', 'Classes', 'Hidden layers', 'Width', 'Label noise', 'Minority fraction', 'Weight decay λ', 'Calibration bins', 'Range ±'];
const NUMBERS = ['Data seed', 'Weight seed', 'Total steps T', 'Telemetry every N steps', 'Calibration every N steps'];
const CHECKBOXES = ['mixup', '+ Logit-drift penalty (z-reg)', '+ Confidence penalty', 'log scale', 'compute the landscape', 'log height'];

/** Every settings control's value by its accessible name (repeated names numbered), for comparing two pages. */
async function settings(page: Page): Promise<Record<string, string>> {
  return page.evaluate((skip) => {
    const values: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')) {
      if (el.closest('[hidden]') || (el instanceof HTMLInputElement && el.type === 'file')) continue;
      const name = (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? '').trim();
      if (name === '' || skip.includes(name)) continue;
      let key = name;
      for (let n = 2; key in values; n++) key = `${name} #${n}`;
      values[key] = el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : el.value;
    }
    return values;
  }, [...NOT_IN_URL]);
}

/** The first visible, enabled control with this role and name, or null (a lesson or layout may hide it). */
async function control(page: Page, role: 'combobox' | 'slider' | 'spinbutton' | 'checkbox' | 'button', name: string | RegExp): Promise<Locator | null> {
  const found = page.getByRole(role, { name, exact: typeof name === 'string' });
  if ((await found.count()) === 0) return null;
  const first = found.first();
  return (await first.isVisible()) && (await first.isEnabled()) ? first : null;
}

test('a seeded monkey plays with every control while training; nothing breaks and the URL tells the truth', async ({ page, browser }) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const r = random(SEED);
  const pick = <T,>(items: readonly T[]): T => items[r.int(items.length)]!;
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  const base = new URL(page.url()).origin;
  const counts: Record<string, number> = {};
  let skipped = 0;

  for (let i = 0; i < ACTIONS; i++) {
    const roll = r.next();
    let kind: string;
    let target: Locator | null = null;
    try {
      if (roll < 0.25) {
        kind = 'select';
        target = await control(page, 'combobox', pick(SELECTS));
        if (target) {
          const options = await target.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          await target.selectOption(pick(options), { timeout: 3000 });
        }
      } else if (roll < 0.45) {
        kind = 'slider';
        target = await control(page, 'slider', pick(SLIDERS));
        if (target) {
          const [min, max, step] = await target.evaluate((el: HTMLInputElement) => [Number(el.min), Number(el.max), Number(el.step) || 1]);
          const value = min! + Math.round((r.next() * (max! - min!)) / step!) * step!;
          await target.fill(String(Math.min(max!, value)), { timeout: 3000 });
        }
      } else if (roll < 0.52) {
        kind = 'number';
        target = await control(page, 'spinbutton', pick(NUMBERS));
        if (target) {
          await target.fill(String(pick([0, 1, 7, 50, 123, 2000, 99999, -5])), { timeout: 3000 });
          await target.press('Enter', { timeout: 3000 });
        }
      } else if (roll < 0.58) {
        kind = 'checkbox';
        target = await control(page, 'checkbox', pick(CHECKBOXES));
        if (target) await target.click({ timeout: 3000 });
      } else if (roll < 0.7) {
        kind = 'play/pause';
        target = await control(page, 'button', /Play|Pause|Continue/);
        if (target) await target.click({ timeout: 3000 });
      } else if (roll < 0.77) {
        kind = 'step';
        target = await control(page, 'button', 'Step');
        if (target) await target.click({ timeout: 3000 });
      } else if (roll < 0.82) {
        kind = 'reset';
        target = await control(page, 'button', /Reset$/);
        if (target) await target.click({ timeout: 3000 });
      } else if (roll < 0.88) {
        kind = 'lesson';
        target = await control(page, 'combobox', 'Lessons');
        if (target) {
          const options = await target.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
          await target.selectOption(pick(options), { timeout: 3000 });
        }
      } else {
        kind = r.next() < 0.6 ? 'back' : 'forward';
        target = page.locator('body');
        await (kind === 'back' ? page.goBack({ timeout: 5000 }) : page.goForward({ timeout: 5000 }));
        // Back past the first entry leaves the app: come straight back to it.
        if (!page.url().startsWith(base)) await page.goForward({ timeout: 10_000 });
      }
    } catch (error) {
      // A control that re-rendered or was disabled under the click: counted, and the run goes on.
      kind = `failed`;
      if (!/Timeout|detached|not attached|disabled|not visible/i.test(String(error))) throw error;
    }
    if (!target) skipped++;
    counts[kind] = (counts[kind] ?? 0) + 1;
    await page.waitForTimeout(20 + r.int(120));
  }
  console.log(`monkey: ${ACTIONS} actions (seed ${SEED}): ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}; ${skipped} found no control`);
  expect(errors).toEqual([]);
  expect(skipped).toBeLessThan(ACTIONS * 0.2);
  expect(counts.failed ?? 0).toBeLessThan(ACTIONS * 0.1);

  // The URL and the controls agree: a fresh page on this URL shows the same settings.
  await page.waitForTimeout(800); // past the history settle time: the URL is written
  const link = page.url();
  const here = await settings(page);
  const other = new AppPage(await browser.newPage());
  await other.page.goto(link);
  await expect(other.page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /.+/);
  await expect.poll(() => settings(other.page)).toEqual(here);
  expect(new URL(other.page.url()).search).toBe(new URL(link).search);
  expect(Object.keys(here).length).toBeGreaterThan(10);

  // Training still runs: from a reset, Play takes steps and the loss is a number.
  await page.getByRole('button', { name: /Reset$/ }).click();
  await expect.poll(async () => (await app.snapshot()).step).toBe(0);
  const play = page.getByRole('button', { name: /Play|Continue/ });
  await play.click();
  await expect.poll(async () => (await app.snapshot()).step, { timeout: 90_000 }).toBeGreaterThan(20);
  const s = await app.snapshot();
  expect(s.firstLoss !== null && Number.isFinite(s.firstLoss)).toBe(true);
  expect(errors).toEqual([]);
});
