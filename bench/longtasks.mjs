// `node bench/longtasks.mjs`: what the main thread's long tasks are. Repeats the bench's
// ui.longestTaskMs scenario (a fresh page with the default config, Play, 10 s; training.mjs's
// measureLongestTask) under a timeline trace and the Long Animation Frames API, and prints every
// task over LONG_MS (default 50) with what it spent its time on: the trace events inside it
// (script evaluation, function calls with their source, style, layout, paint, commit, GC), and
// the scripts the LoAF entries name. Serves a build (BENCH_DIST, default dist; build it first).
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { servePreview } from './serve.mjs';
import { openWith } from './training.mjs';

const PORT = Number(process.env.BENCH_PORT || 4177);
const DIST = process.env.BENCH_DIST || 'dist';
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const LONG_MS = Number(process.env.LONG_MS || 50);
const BASE = `http://127.0.0.1:${PORT}`;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'gpu', 'toplevel', 'disabled-by-default-v8.compile', 'blink.user_timing', ...(process.env.TRACE_GPU ? ['gpu.angle', 'gpu.service', 'gpu.decoder', 'disabled-by-default-gpu.decoder', 'disabled-by-default-gpu.service'] : [])];

/** Where a trace event points at: a script's file and line, or a function's name. */
function where(e) {
  const d = e.args?.data ?? e.args?.beginData ?? {};
  const file = (d.url ?? d.scriptName ?? e.args?.fileName ?? '').split('/').pop();
  const fn = d.functionName ?? d.type ?? '';
  const line = d.lineNumber !== undefined ? `:${d.lineNumber}` : '';
  return [fn, file ? `${file}${line}` : ''].filter(Boolean).join(' ');
}

/**
 * The renderer main thread's tasks over `longMs`, each as a tree of the events nested in it that
 * took at least MIN_PART_MS (so a wait on the GPU process shows under the call that made it). On a loaded machine a task's
 * wall time stretches; its CPU time (tdur) says what it would take on a quiet one, waits aside.
 */
const MIN_PART_MS = Number(process.env.MIN_PART_MS || 4);
function longTasksFromTrace(trace, longMs) {
  const events = trace.traceEvents ?? trace;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = [];
  for (const main of mains) {
    const own = events.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === 'X' && x.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let lastEnd = -1;
    for (const task of own) {
      // Outermost task events only (RunTask and ThreadControllerImpl::RunTask nest).
      if (!/RunTask$/.test(task.name) || task.ts < lastEnd) continue;
      lastEnd = task.ts + task.dur;
      if (task.dur / 1000 < longMs) continue;
      const within = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= lastEnd && !/RunTask$/.test(e.name));
      // Time the main thread waited for the GPU process (a synchronous WebGL call, a canvas read-back).
      const gpuWaitMs = within.filter((e) => e.name === 'CommandBufferProxyImpl::WaitForGetOffset').reduce((sum, e) => sum + e.dur / 1000, 0);
      const inside = within.filter((e) => e.dur / 1000 >= MIN_PART_MS);
      const lines = [];
      const stack = [];
      for (const e of inside) {
        while (stack.length && stack.at(-1) <= e.ts) stack.pop();
        if (stack.length < 6) lines.push(`${'  '.repeat(stack.length + 2)}${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${where(e)}`);
        stack.push(e.ts + e.dur);
      }
      tasks.push({ pid: main.pid, ts: task.ts, ms: task.dur / 1000, cpuMs: (task.tdur ?? Number.NaN) / 1000, gpuWaitMs, lines });
    }
  }
  return tasks;
}

async function main() {
  const server = await servePreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      window.__loaf = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__loaf.push({
            start: e.startTime,
            duration: e.duration,
            blocking: e.blockingDuration,
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
            scripts: e.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, source: `${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`, duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    // TRACE=0: the Performance API's entries only (a trace slows the page a little).
    const tracing = process.env.TRACE !== '0';
    if (tracing) await browser.startTracing(page, { categories: CATEGORIES });
    const t0 = Date.now();
    await openWith(page, BASE, '');
    const loadMs = Date.now() - t0;
    const playAt = await page.evaluate(() => {
      window.__longTasks.length = 0;
      window.__loaf.length = 0;
      performance.mark('losscape-play');
      window.__losscape.client.play();
      return performance.now();
    });
    await new Promise((r) => setTimeout(r, SECONDS * 1000 + 200));
    const { longTasks, loaf } = await page.evaluate(() => {
      window.__losscape.client.pause();
      return { longTasks: window.__longTasks, loaf: window.__loaf };
    });
    const trace = tracing ? JSON.parse((await browser.stopTracing()).toString()) : { traceEvents: [] };
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify(trace));
    console.log(`page ready in ${loadMs} ms; Play at ${playAt.toFixed(0)} ms`);
    console.log(`longtask entries after Play: ${longTasks.map((t) => `${t.duration.toFixed(0)} ms @${(t.start - playAt).toFixed(0)}`).join(', ') || 'none'}`);
    for (const f of loaf.filter((x) => x.blocking > 0 || x.duration >= LONG_MS)) {
      console.log(`LoAF @${(f.start - playAt).toFixed(0)} ms after Play: ${f.duration.toFixed(0)} ms (blocking ${f.blocking.toFixed(0)}, render ${f.render.toFixed(0)}, style+layout ${f.styleLayout.toFixed(0)})`);
      for (const s of f.scripts.filter((x) => x.duration >= 5)) console.log(`    ${s.duration.toFixed(0).padStart(5)} ms ${s.type} ${s.invoker} → ${s.source}${s.forcedLayout ? ` (forced layout ${s.forcedLayout.toFixed(0)})` : ''}`);
    }
    console.log(`\ntrace: renderer main-thread tasks ≥ ${LONG_MS} ms (whole run, page load included):`);
    const mark = trace.traceEvents.find((e) => e.name === 'losscape-play');
    for (const t of longTasksFromTrace(trace, LONG_MS)) {
      const at = mark ? `${((t.ts - mark.ts) / 1000).toFixed(0)} ms after Play` : `ts ${(t.ts / 1000).toFixed(0)}`;
      console.log(`${t.ms.toFixed(0)} ms task (${at}; ${t.cpuMs.toFixed(0)} ms of it on the CPU, ${t.gpuWaitMs.toFixed(0)} ms waiting for the GPU process)`);
      for (const line of t.lines) console.log(line);
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
