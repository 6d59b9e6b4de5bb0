// `node bench/lagprobe.mjs`: when, in the bench's ui.longestTaskMs window, the page's thread lags,
// and what ran then. Repeats measureLongestTask's scenario (training.mjs: a fresh page, Play, 10 s,
// a 5 ms timer probe) RUNS times and prints each lag over LAG_MS (default 20) with its time after
// Play, and the Long Animation Frames around it with their scripts (minified sources: build with
// --sourcemap to map them back). A lag with no frame or script beside it is time the machine gave
// the page's thread nothing. Serves a build (BENCH_DIST, default dist; build it first).
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { servePreview } from './serve.mjs';
import { openWith } from './training.mjs';

const PORT = Number(process.env.BENCH_PORT || 4177);
const DIST = process.env.BENCH_DIST || 'dist';
const RUNS = Number(process.env.RUNS || 1);
const LAG_MS = Number(process.env.LAG_MS || 20);
const SECONDS = 10;
const BASE = `http://127.0.0.1:${PORT}`;

/** Installed before the app: the Long Tasks and Long Animation Frames APIs' entries, kept on window. */
function observe() {
  window.__longTasks = [];
  window.__loaf = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__loaf.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        scripts: e.scripts.map((s) => ({ start: s.startTime, type: s.invokerType, invoker: s.invoker, source: `${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`, duration: s.duration })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The bench's probe, keeping each lag over `min` with when it began. */
function probeAndPlay({ seconds, min }) {
  window.__lag = 0;
  window.__lags = [];
  let last = performance.now();
  const until = last + seconds * 1000;
  const tick = () => {
    const now = performance.now();
    const lag = now - last - 5;
    window.__lag = Math.max(window.__lag, lag);
    if (lag > min) window.__lags.push({ at: last, lag });
    last = now;
    if (now < until) setTimeout(tick, 5);
  };
  window.__longTasks.length = 0;
  window.__loaf.length = 0;
  setTimeout(tick, 5);
  window.__losscape.client.play();
  return performance.now();
}

async function main() {
  const server = await servePreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(observe);
      await openWith(page, BASE, '');
      const playAt = await page.evaluate(probeAndPlay, { seconds: SECONDS, min: LAG_MS });
      await new Promise((r) => setTimeout(r, SECONDS * 1000 + 200));
      const { longTasks, lag, lags, loaf } = await page.evaluate(() => {
        window.__losscape.client.pause();
        return { longTasks: window.__longTasks, lag: window.__lag, lags: window.__lags, loaf: window.__loaf };
      });
      console.log(`run ${run}: timer lag ${lag.toFixed(1)} ms, Long Tasks API ${Math.max(0, ...longTasks).toFixed(1)} ms`);
      for (const l of lags) {
        console.log(`  lag ${l.lag.toFixed(1)} ms @${(l.at - playAt).toFixed(0)} ms after Play`);
        for (const f of loaf.filter((x) => x.start < l.at + l.lag + 5 && x.start + x.duration > l.at)) {
          console.log(`    frame @${(f.start - playAt).toFixed(0)}: ${f.duration.toFixed(0)} ms (blocking ${f.blocking.toFixed(0)}, rendering ${f.render.toFixed(0)})`);
          for (const s of f.scripts) console.log(`      ${s.duration.toFixed(0).padStart(4)} ms @${(s.start - playAt).toFixed(0)} ${s.type} ${s.invoker} → ${s.source}`);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    process.kill(-server.pid);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
