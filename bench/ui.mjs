// Main-thread benchmarks: frame rate and input delay with four runs and every view open, the
// time from navigation to the first training frame, and the size of the main bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_CONFIG, openWith } from './training.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The issue's heavy case: four runs in lockstep, every probe on, every optional view and the landscape open. */
export const COMPARE4_CONFIG = {
  ...BENCH_CONFIG,
  compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }, { loss: { id: 'focal' } }] },
  metrics: { calibrationEvery: 50, sharpnessEvery: 100, telemetryEvery: 10 },
  views: { lossShape: true, calibration: true, sharpness: true, telemetry: true },
  landscape: { open: true },
};

/** Frames per second the page paints (requestAnimationFrame callbacks) over `ms` milliseconds. */
export function framesPerSecond(page, ms) {
  return page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now) => {
          frames += 1;
          if (now - start < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/**
 * Frames per second the page paints (requestAnimationFrame callbacks counted in the page) while
 * four runs train for `seconds`, after a warm-up.
 */
export async function measureFpsCompare4(context, base, backend, seconds = 10) {
  const page = await context.newPage();
  try {
    await openWith(page, base, backend, COMPARE4_CONFIG);
    await page.evaluate(() => window.__losscape.client.play());
    // Measured once frames flow (the first steps wait for the workers' start), after a warm-up.
    await page.waitForFunction(() => window.__losscape.snapshot().step > 0, null, { timeout: 60_000 });
    await sleep(2000);
    const fps = await framesPerSecond(page, seconds * 1000);
    const step = await page.evaluate(() => window.__losscape.snapshot().step);
    await page.evaluate(() => window.__losscape.client.pause());
    return { fps, step };
  } finally {
    await page.close();
  }
}

/**
 * The 95th percentile of the delay from a keystroke to the frame that shows it, while four runs
 * train with every view open. The Event Timing API (PerformanceObserver type 'event') reports
 * every event whose handling and next paint take at least `durationThreshold` (16 ms, its
 * smallest); a keystroke with no entry took less, and counts as 16 ms (an upper bound).
 * Characters are typed into a number field (uncommitted until Enter, so training goes on).
 */
export async function measureInputDelay(context, base, backend, keystrokes = 40) {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      window.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId ?? 0 });
      }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
    });
    await openWith(page, base, backend, COMPARE4_CONFIG);
    await page.evaluate(() => window.__losscape.client.play());
    // Measured once frames flow (the first steps wait for the workers' start), after a warm-up.
    await page.waitForFunction(() => window.__losscape.snapshot().step > 0, null, { timeout: 60_000 });
    await sleep(2000);
    // Focused rather than clicked: a click waits for the field to hold still, which a slow page may not.
    const focused = await page.evaluate(() => {
      const field = [...document.querySelectorAll('input[type="number"]')].find((e) => e.getBoundingClientRect().width > 0 && !e.disabled);
      field?.focus();
      return field !== undefined;
    });
    if (!focused) throw new Error('no visible number field to type into');
    await page.evaluate(() => (window.__events.length = 0));
    for (let i = 0; i < keystrokes; i++) {
      // Digits and deletions alternate, so the field never grows long; 150 ms apart, about typing speed.
      await page.keyboard.press(i % 2 === 0 ? String(i % 10) : 'Backspace');
      await sleep(150);
    }
    await sleep(500); // the last entries arrive after their paint
    const events = await page.evaluate(() => window.__events);
    await page.evaluate(() => window.__losscape.client.pause());
    // One keystroke is keydown, beforeinput, input, keyup; its delay is the longest of them.
    const keyEvents = events.filter((e) => ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(e.name));
    const byInteraction = new Map();
    for (const e of keyEvents) if (e.interactionId) byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
    const delays = [...byInteraction.values()];
    while (delays.length < keystrokes) delays.push(16);
    delays.sort((a, b) => a - b);
    const p95 = delays[Math.min(delays.length - 1, Math.ceil(0.95 * delays.length) - 1)];
    return { p95, max: delays.at(-1), slowKeystrokes: byInteraction.size, keystrokes };
  } finally {
    await page.close();
  }
}

/**
 * Milliseconds from navigation to the first training frame on screen: a fresh page, Play pressed
 * as soon as it can be, and a requestAnimationFrame probe installed before the app loads that
 * notes the first frame at which the views' store holds a step (performance.now() counts from
 * navigation start). The median of `tries` fresh pages.
 */
export async function measureFirstFrame(context, base, backend, tries = 3) {
  const times = [];
  for (let t = 0; t < tries; t++) {
    const page = await context.newPage();
    try {
      await page.addInitScript(() => {
        const probe = () => {
          if ((window.__losscape?.snapshot().step ?? 0) > 0) window.__firstFrame = performance.now();
          else requestAnimationFrame(probe);
        };
        requestAnimationFrame(probe);
      });
      await page.goto(`${base}/${backend ? `?backend=${backend}` : ''}`);
      // The page may start playing by itself; otherwise Play is pressed the moment it is enabled.
      await page.waitForFunction(() => {
        const play = document.querySelector('[data-testid="play"]');
        return window.__firstFrame !== undefined || window.__losscape?.snapshot().playing || (play && !play.disabled);
      }, null, { timeout: 60_000 });
      if (!(await page.evaluate(() => window.__firstFrame !== undefined || window.__losscape.snapshot().playing))) await page.getByTestId('play').click();
      await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => window.__firstFrame));
      await page.evaluate(() => window.__losscape.client.pause());
    } finally {
      await page.close();
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], all: times };
}

const gzipKB = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/**
 * The main bundle as the first screen loads it: gzip size (kB, level 9) of every script of the
 * build the page fetches before its Play button is enabled (the entry, and what it imports
 * statically or at once), workers' own scripts left out; and of the entry chunk alone.
 */
export async function measureMainBundle(context, base, dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = html.match(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/)?.[1];
  if (!entry) throw new Error('no module script in index.html');
  const page = await context.newPage();
  try {
    await page.goto(`${base}/?backend=wasm`);
    await page.waitForFunction(() => {
      const play = document.querySelector('[data-testid="play"]');
      return (play && !play.disabled) || window.__losscape?.snapshot().playing;
    }, null, { timeout: 60_000 });
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.endsWith('.js') && !/\.worker-/.test(path)),
    );
    const files = [...new Set([entry, ...scripts.map((path) => path.replace(/^\//, ''))])];
    return { mainGzipKB: files.reduce((sum, file) => sum + gzipKB(dist, file), 0), entryGzipKB: gzipKB(dist, entry), files };
  } finally {
    await page.close();
  }
}
