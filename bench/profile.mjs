// `node bench/profile.mjs`: where the main thread's time goes while four runs train with every
// view open. Serves a build (BENCH_DIST, default dist; build it first), records a CPU profile of
// the page through the Chrome DevTools Protocol for BENCH_SECONDS (default 8), and prints the
// functions with the most self time, the share of time in garbage collection, layout and paint,
// and the page's frame rate over the same seconds. PROFILE_OUT writes the raw .cpuprofile too
// (Chrome DevTools opens it).
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { servePreview } from './serve.mjs';
import { openWith } from './training.mjs';
import { COMPARE4_CONFIG, framesPerSecond } from './ui.mjs';

const PORT = Number(process.env.BENCH_PORT || 4176);
const DIST = process.env.BENCH_DIST || 'dist';
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const BACKEND = process.env.BENCH_BACKEND || 'wasm';
const BASE = `http://127.0.0.1:${PORT}`;


/** Self time per function (ms), from a CDP CPU profile's samples. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = node.callFrame;
    const file = f.url.split('/').pop() || '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + dt);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Milliseconds per timeline event name on the renderer's main thread (events nested in one of the same name counted once). */
function timelineSummary(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const totals = new Map();
  const open = new Map();
  for (const e of events.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === 'X' && x.dur !== undefined).sort((x, y) => x.ts - y.ts)) {
    const end = open.get(e.name) ?? -1;
    if (e.ts < end) continue;
    open.set(e.name, e.ts + e.dur);
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  const names = ['RunTask', 'ThreadControllerImpl::RunTask', 'FunctionCall', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'ParseHTML'];
  console.log('timeline (ms on the main thread):', names.filter((n) => totals.has(n)).map((n) => `${n} ${totals.get(n).toFixed(0)}`).join(', '));
  const rest = [...totals.entries()].filter(([n]) => !names.includes(n)).sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log('  others:', rest.map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', '));
}

async function main() {
  const server = await servePreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await openWith(page, BASE, BACKEND, COMPARE4_CONFIG);
    await page.evaluate(() => window.__losscape.client.play());
    await page.waitForFunction(() => window.__losscape.snapshot().step > 0, null, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 2000));
    // TRACE=1: a timeline trace over the same seconds, for the time outside JavaScript (style,
    // layout, paint, compositing), which a CPU profile lumps together as "(program)".
    if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const fps = await framesPerSecond(page, SECONDS * 1000);
    const { profile } = await cdp.send('Profiler.stop');
    if (process.env.TRACE) timelineSummary(JSON.parse((await browser.stopTracing()).toString()));
    const { step, playing } = await page.evaluate(() => window.__losscape.snapshot());
    console.log(`step ${step}, playing ${playing}`);
    await page.evaluate(() => window.__losscape.client.pause());
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    const rows = selfTimes(profile);
    const total = rows.reduce((sum, [, t]) => sum + t, 0);
    console.log(`${fps.toFixed(1)} frames/s; ${total.toFixed(0)} ms sampled over ${SECONDS} s`);
    for (const [key, t] of rows.slice(0, Number(process.env.PROFILE_TOP || 40))) console.log(`${t.toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
  } finally {
    await browser.close();
    process.kill(-server.pid);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
