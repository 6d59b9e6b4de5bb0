// `npm run soak` (not part of npm test): a long run with every view open, watching for what grows.
// Six runs (a base run and five compare runs) train with calibration, sharpness and gradient
// telemetry on and the landscape, loss shape, calibration, sharpness and gradient views open,
// for a given time on each backend asked for. Every interval it samples the page's JS heap (after
// a forced garbage collection), the tfjs tensor count and bytes in the trainer and surveyor
// workers (GPU bytes too on WebGPU), frames per second painted and training steps per second.
// One JSON object goes to SOAK_OUT (default bench/soak.json):
//   soak.heapGrowthMBPer10Min  slope of the heap over the run, per 10 minutes (goal ≤ 5)
//   soak.tensorGrowth          tensors alive at the end minus after the first interval (goal 0)
//   soak.fpsStart, soak.fpsEnd frames per second at the first and last sample (goal: within 10 %)
// for the first backend, and the same for every backend with all samples under soakByBackend.
//
//   npm run soak                                   20 minutes on WASM, a sample a minute
//   npm run soak -- --minutes 2 --interval 15      a short check
//   SOAK_BACKENDS=wasm,webgpu npm run soak         WebGPU too, where there is an adapter
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { BENCH_CONFIG, openWith } from './training.mjs';

const { values: args } = parseArgs({
  options: { minutes: { type: 'string' }, interval: { type: 'string' }, backends: { type: 'string' }, out: { type: 'string' } },
});
const MINUTES = Number(args.minutes ?? process.env.SOAK_MINUTES ?? 20);
const INTERVAL_S = Number(args.interval ?? process.env.SOAK_INTERVAL_S ?? 60);
const BACKENDS = (args.backends ?? process.env.SOAK_BACKENDS ?? 'wasm').split(',').map((b) => b.trim()).filter(Boolean);
const OUT = args.out ?? process.env.SOAK_OUT ?? 'bench/soak.json';
const PORT = Number(process.env.SOAK_PORT || 4176);
const DIST = process.env.SOAK_DIST || 'dist';
const BASE = `http://127.0.0.1:${PORT}`;
if (!(MINUTES > 0) || !(INTERVAL_S > 0)) throw new Error('--minutes and --interval must be positive numbers');

/** Six runs, every probe and view on; T at its maximum so Play does not stop at T on the way. */
const SOAK_CONFIG = {
  ...BENCH_CONFIG,
  data: { ...BENCH_CONFIG.data, kind: 'spiral', classes: 3 },
  optimizer: { ...BENCH_CONFIG.optimizer, batchSize: 64 },
  training: { totalSteps: 100_000, mixup: 0 },
  compare: { runs: ['mae', 'gce', 'focal', 'label-smoothing', 'sce'].map((id) => ({ loss: { id } })) },
  metrics: { calibrationEvery: 50, sharpnessEvery: 100, telemetryEvery: 10 },
  views: { lossShape: true, calibration: true, sharpness: true, telemetry: true },
  landscape: { open: true },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The build and server are started as in bench/run.mjs, on a port of their own.
function build() {
  const result = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}

async function serve() {
  const up = () => fetch(BASE).then((r) => r.ok, () => false);
  if (await up()) throw new Error(`port ${PORT} is already serving; set SOAK_PORT to a free one`);
  const server = spawn('npx', ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    if (await up()) return server;
    await sleep(200);
  }
  process.kill(-server.pid);
  throw new Error('vite preview did not start');
}

/** tfjs's memory in each worker: its engine is on the global namespace as `_tfengine`. The least of a few reads (a step holds temporaries). */
async function workerMemory(page) {
  const out = {};
  for (const worker of page.workers()) {
    const name = /surveyor/.test(worker.url()) ? 'surveyor' : /trainer/.test(worker.url()) ? 'trainer' : null;
    if (!name) continue;
    let least = null;
    // The surveyor answers between surfaces only (seconds apart): one read; the trainer, three.
    for (let i = 0; i < (name === 'trainer' ? 3 : 1); i++) {
      const memory = await worker.evaluate(() => {
        const engine = globalThis._tfengine;
        if (!engine) return null;
        const m = engine.memory();
        return { tensors: m.numTensors, bytes: m.numBytes, gpuBytes: m.numBytesInGPU ?? null, backend: engine.backendName };
      });
      if (memory && (!least || memory.tensors < least.tensors)) least = memory;
      await sleep(50);
    }
    out[name] = least;
  }
  return out;
}

/** Frames per second painted over `ms`. */
function framesPerSecond(page, ms = 3000) {
  return page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now) => {
          frames += 1;
          if (now - start < duration) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/**
 * What the workers hold at the end minus at the start, in tensors or bytes: the least of the
 * last three samples minus the least of the first three, per worker (a sample may land inside a
 * step or a surface, which hold temporaries for a moment).
 */
function growth(samples, field) {
  const least = (part, worker) => Math.min(...part.map((s) => s[worker]?.[field] ?? 0));
  const head = samples.slice(0, 3);
  const tail = samples.slice(-3);
  return ['trainer', 'surveyor'].reduce((sum, worker) => sum + least(tail, worker) - least(head, worker), 0);
}

/** Least-squares slope of y over x. */
function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return den > 0 ? num / den : 0;
}

async function soakOn(browser, backend) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const actual = await openWith(page, BASE, backend, SOAK_CONFIG, { surveyor: true });
  await page.evaluate(() => window.__losscape.client.play());
  await page.waitForFunction(() => window.__losscape.snapshot().step > 0, null, { timeout: 120_000 });
  const started = Date.now();
  const samples = [];
  let replays = 0;
  for (let k = 0; ; k++) {
    const due = started + k * INTERVAL_S * 1000;
    await sleep(Math.max(0, due - Date.now()));
    const at = (Date.now() - started) / 60_000;
    const before = await page.evaluate(() => ({ step: window.__losscape.snapshot().step, now: performance.now() }));
    const fps = await framesPerSecond(page);
    const after = await page.evaluate(() => ({ ...window.__losscape.snapshot(), now: performance.now() }));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const memory = await workerMemory(page);
    const sample = {
      minutes: at,
      heapMB: heap.usedSize / 2 ** 20,
      trainer: memory.trainer ?? null,
      surveyor: memory.surveyor ?? null,
      fps,
      step: after.step,
      stepsPerSecond: ((after.step - before.step) * 1000) / (after.now - before.now),
      playing: after.playing,
    };
    samples.push(sample);
    console.error(`${backend} ${sample.minutes.toFixed(1)} min: step ${sample.step}, heap ${sample.heapMB.toFixed(1)} MB, tensors ${sample.trainer?.tensors}/${sample.surveyor?.tensors}, ${fps.toFixed(0)} fps, ${sample.stepsPerSecond.toFixed(0)} steps/s`);
    if (sample.minutes >= MINUTES) break;
    // Play stops at T: Continue trains on until paused.
    if (!after.playing) {
      replays += 1;
      await page.evaluate(() => window.__losscape.client.play());
    }
  }
  await page.evaluate(() => window.__losscape.client.pause());
  await page.close();
  // The first sample is the warm-up (shaders, caches, the first surfaces): growth is measured after it.
  const steady = samples.length > 1 ? samples.slice(1) : samples;
  const last = samples.at(-1);
  return {
    backend: actual,
    heapGrowthMBPer10Min: 10 * slope(steady.map((s) => s.minutes), steady.map((s) => s.heapMB)),
    tensorGrowth: growth(steady, 'tensors'),
    tensorBytesGrowth: growth(steady, 'bytes'),
    gpuBytesGrowth: growth(steady, 'gpuBytes'),
    fpsStart: samples[0].fps,
    fpsEnd: last.fps,
    fpsChange: last.fps / samples[0].fps - 1,
    stepsPerSecondStart: samples[0].stepsPerSecond,
    stepsPerSecondEnd: last.stepsPerSecond,
    steps: last.step,
    replays,
    pageErrors: errors,
    samples,
  };
}

async function main() {
  if (process.env.SOAK_BUILD !== '0') build();
  const server = await serve();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const results = { meta: { date: new Date().toISOString(), minutes: MINUTES, intervalSeconds: INTERVAL_S, runs: 1 + SOAK_CONFIG.compare.runs.length, backends: BACKENDS, userAgent: await browser.version() }, soakByBackend: {} };
  try {
    for (const backend of BACKENDS) {
      try {
        results.soakByBackend[backend] = await soakOn(browser, backend);
      } catch (error) {
        console.error(`${backend} failed:`, error);
        results.soakByBackend[backend] = { error: String(error?.message ?? error).split('\n')[0] };
      }
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // the server has already gone
    }
  }
  // The first backend's numbers under `soak`, without its samples (they stay under soakByBackend).
  results.soak = Object.fromEntries(Object.entries(results.soakByBackend[BACKENDS[0]] ?? {}).filter(([key]) => key !== 'samples'));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify({ meta: results.meta, soak: results.soak }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
