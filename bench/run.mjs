// `npm run bench`: builds the app, serves it, drives a headless Chromium through the real app
// and its trainer worker, and writes one JSON object of measurements to BENCH_OUT
// (default bench/results.json). Ratios are measured side by side in the same run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { servePreview } from './serve.mjs';
import { measureTraining, measureLeak, measureLongestTask, measureLosses, measureTelemetryOverhead, measureCompareThroughput } from './training.mjs';
import { measureLandscape, measureTrainDuringSurvey } from './landscape.mjs';
import { measureFirstFrame, measureFpsCompare4, measureInputDelay, measureMainBundle } from './ui.mjs';

// BENCH_PORT and BENCH_DIST let a benchmark run beside a test suite without sharing its server or build.
const PORT = Number(process.env.BENCH_PORT || 4175);
const DIST = process.env.BENCH_DIST || 'dist';
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = process.env.BENCH_OUT || 'bench/results.json';
const BACKENDS = (process.env.BENCH_BACKENDS || 'webgpu,wasm,webgl,cpu').split(',').map((b) => b.trim()).filter(Boolean);
const LANDSCAPE_BACKENDS = process.env.BENCH_LANDSCAPE_BACKENDS?.split(',').map((b) => b.trim()).filter(Boolean) ?? null;
/** BENCH_SECTIONS=ui,build measures only those groups (train, compare, memory, telemetry, losses, landscape, ui, build); all by default. */
const SECTIONS = process.env.BENCH_SECTIONS?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
const wanted = (group) => !SECTIONS || SECTIONS.includes(group);

/** Runs one measurement; a failure is recorded under `errors` and the others go on. */
async function section(results, name, measure) {
  if (!wanted(name.split('.')[0])) return;
  try {
    await measure();
  } catch (error) {
    console.error(`${name} failed:`, error);
    put(results, `errors.${name.replace(/\./g, '_')}`, String(error?.message ?? error).split('\n')[0]);
  }
}

function build() {
  const result = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}


/** Sets a nested key like `train.stepsPerSec.wasm`. */
function put(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}

async function main() {
  // BENCH_BUILD=0 measures the build already in BENCH_DIST (e.g. an older one, for a before/after).
  if (process.env.BENCH_BUILD !== '0') build();
  const server = await servePreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const results = { meta: { date: new Date().toISOString(), backends: BACKENDS, userAgent: '' } };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    results.meta.userAgent = await page.evaluate(() => navigator.userAgent);
    for (const backend of BACKENDS) {
      await section(results, `train.${backend}`, async () => {
        const m = await measureTraining(page, BASE, backend);
        put(results, `train.stepsPerSec.${backend}`, m.app);
        put(results, `train.bareStepsPerSec.${backend}`, m.bare);
        put(results, `train.appOverBare.${backend}`, m.app / m.bare);
        put(results, `train.engineStepsPerSec.${backend}`, m.engine);
        if (m.actual !== backend) put(results, `train.actualBackend.${backend}`, m.actual);
        console.error(`train ${backend}: app ${m.app.toFixed(1)} steps/s, bare ${m.bare.toFixed(1)} steps/s`);
      });
      await section(results, `compare.${backend}`, async () => {
        const c = await measureCompareThroughput(page, BASE, backend);
        put(results, `compare.throughputRatio.${backend}`, c.ratio);
        put(results, `compare.totalStepsPerSec.${backend}`, c.total);
      });
    }
    const mainBackend = BACKENDS.includes('wasm') ? 'wasm' : BACKENDS[0];
    await section(results, 'memory', async () => put(results, 'memory.tensorLeakPer1000Steps', await measureLeak(page, BASE, mainBackend)));
    await section(results, 'telemetry', async () => {
      const overhead = await measureTelemetryOverhead(page, BASE, mainBackend);
      put(results, 'telemetry.overhead', overhead.ratio);
      put(results, 'telemetry.stepsPerSecOn', overhead.on);
      put(results, 'telemetry.stepsPerSecOff', overhead.off);
    });
    await section(results, 'losses', async () => {
      for (const [id, rate] of Object.entries(await measureLosses(page, BASE, mainBackend))) put(results, `losses.stepsPerSec.${id}`, rate);
    });
    if (mainBackend !== 'wasm') put(results, 'meta.mainBackend', mainBackend);
    const softwareWebgpu = wanted('landscape') && await page.evaluate(async () => {
      const adapter = await navigator.gpu?.requestAdapter();
      return !adapter || (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false);
    });
    for (const backend of wanted('landscape') ? (LANDSCAPE_BACKENDS ?? BACKENDS) : []) {
      // A software WebGPU adapter takes minutes per 51×51 surface and every strategy is timed:
      // measured only when asked for by name.
      if (backend === 'webgpu' && softwareWebgpu && !LANDSCAPE_BACKENDS) {
        put(results, `landscape.skipped.${backend}`, 'software WebGPU adapter only; set BENCH_LANDSCAPE_BACKENDS=webgpu to measure it anyway');
        continue;
      }
      await section(results, `landscape.${backend}`, async () => {
        const l = await measureLandscape(page, BASE, backend);
        for (const key of ['previewMs', 'fullGridMs', 'strategy', 'batchedOverLooped', 'rank3OverLooped', 'defaultOverLooped', 'flopEfficiency', 'gridGflops', 'matMulGflops']) put(results, `landscape.${key}.${backend}`, l[key]);
        if (l.actual !== backend) put(results, `landscape.actualBackend.${backend}`, l.actual);
        console.error(`landscape ${backend}: 51×51 ${l.fullGridMs.toFixed(0)} ms (${l.strategy.default}), looped ${l.strategy.loopedMs.toFixed(0)} ms`);
      });
    }
    await section(results, 'landscape.trainDuringSurvey', async () => {
      const survey = await measureTrainDuringSurvey(page, BASE, mainBackend);
      put(results, 'landscape.trainDuringSurvey', survey.ratio);
      put(results, 'landscape.trainDuringSurveyDetail', { backend: mainBackend, ...survey });
      // Live surfaces a second while training, at the live cadence's resolution (landscapeCadence.ts).
      put(results, `landscape.liveHz.${mainBackend}`, survey.surfacesPerSecond);
    });
    await section(results, 'ui', async () => {
      const longest = await measureLongestTask(context, BASE);
      put(results, 'ui.longestTaskMs', longest.longestTaskMs);
      put(results, 'ui.longTasks', longest.count);
      put(results, 'ui.longTaskApiMaxMs', longest.longTaskApiMs);
      put(results, 'ui.timerLagMaxMs', longest.timerLagMs);
      put(results, 'ui.backend', longest.backend);
    });
    await section(results, 'ui.fpsCompare4', async () => {
      const fps = await measureFpsCompare4(context, BASE, mainBackend);
      put(results, 'ui.fpsCompare4', fps.fps);
      console.error(`ui: ${fps.fps.toFixed(1)} frames/s with 4 runs (step ${fps.step})`);
    });
    await section(results, 'ui.inputDelay', async () => {
      const delay = await measureInputDelay(context, BASE, mainBackend);
      put(results, 'ui.inputDelayP95Ms', delay.p95);
      put(results, 'ui.inputDelayMaxMs', delay.max);
      console.error(`ui: keystroke p95 ${delay.p95.toFixed(0)} ms, max ${delay.max.toFixed(0)} ms (${delay.slowKeystrokes}/${delay.keystrokes} over 16 ms)`);
    });
    await section(results, 'ui.firstFrame', async () => {
      const first = await measureFirstFrame(context, BASE, mainBackend);
      put(results, 'ui.firstFrameMs', first.median);
      console.error(`ui: first training frame ${first.all.map((t) => t.toFixed(0)).join(', ')} ms after navigation`);
    });
    await section(results, 'build', async () => {
      const bundle = await measureMainBundle(context, BASE, DIST);
      put(results, 'build.mainGzipKB', bundle.mainGzipKB);
      put(results, 'build.entryGzipKB', bundle.entryGzipKB);
      console.error(`build: ${bundle.mainGzipKB.toFixed(0)} kB gzip before Play is enabled (${bundle.files.length} scripts)`);
    });
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // the server has already gone
    }
  }
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
