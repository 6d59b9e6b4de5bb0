// `npm run bench:engine`: the engine alone in Node (no browser) on cpu, wasm and — through Dawn —
// webgpu when a GPU adapter is present; one JSON object to BENCH_OUT, like `npm run bench`.
// Bundled and started by bench/engine.mjs. Environment:
//   BENCH_OUT                       output file (default bench/engine-results.json)
//   BENCH_ENGINE_BACKENDS           e.g. "wasm,cpu" (default cpu,wasm,webgpu)
//   BENCH_ENGINE_WEBGPU_FALLBACK=1  measure a fallback (software) WebGPU adapter too
//   BENCH_ENGINE_ONLY               e.g. "compare": only these sections (train, trainSweep, compare, landscape)
//   BENCH_ENGINE_QUICK=1            a smaller sweep and 21×21 surfaces, for a quick look
//   BENCH_ENGINE_WASM_DIR           where tfjs-backend-wasm's .wasm files are (set by engine.mjs)
//   BENCH_ENGINE_OUT_DIR            where engine.mjs writes the bundle (default node_modules/.cache/…)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tf } from '../../src/engine/tf';
import { backendUse, webgpuSetUp, type EngineBackend } from './backends';
import { TRAIN_BENCH_CONFIG, trainingSize, trainingSweep, type SizeResult, type TrainingOptions } from './training';
import { landscapeChoice, liveRate, surfacesOn, type BackendSurfaces } from './surfaces';
import { COMPARE6_CONFIG, MIXED6_CONFIG, SAME_LOSS6_CONFIG, SAME_LOSS_L2_6_CONFIG, TELEMETRY6_CONFIG, compareRates, kernelsPerStep } from './compare';
import type { SurveyStrategy } from '../../src/workers/surveyorEvaluator';
import type { BackendTrial } from '../../src/workers/backendDecision';

const env = process.env;
const OUT = env.BENCH_OUT || 'bench/engine-results.json';
const QUICK = env.BENCH_ENGINE_QUICK === '1';
const ONLY = env.BENCH_ENGINE_ONLY ? env.BENCH_ENGINE_ONLY.split(',').map((s) => s.trim()) : null;
const WASM_DIR = env.BENCH_ENGINE_WASM_DIR ?? '';
const REQUESTED = (env.BENCH_ENGINE_BACKENDS || 'cpu,wasm,webgpu').split(',').map((b) => b.trim()).filter((b): b is EngineBackend => ['cpu', 'wasm', 'webgpu'].includes(b));

const results: Record<string, unknown> = {};
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Sets a nested key like `train.stepsPerSec.wasm`. */
function put(path: string, value: unknown): void {
  const keys = path.split('.');
  let node = results as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** Runs one measurement; a failure is recorded under `errors` and the others go on. */
async function section(name: string, measure: () => Promise<void>): Promise<void> {
  const group = name.split('.')[0]!.replace('liveHz', 'landscape');
  if (ONLY && !ONLY.includes(group)) return;
  try {
    await measure();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    put(`errors.${name.replace(/\./g, '_')}`, String(error instanceof Error ? error.message : error).split('\n')[0]);
  }
}

const use = (backend: EngineBackend): Promise<void> => backendUse(backend, WASM_DIR);

async function main(): Promise<void> {
  put('meta', { date: new Date().toISOString(), node: process.version, tfjs: tf.version_core, quick: QUICK, requested: REQUESTED, cpus: (await import('node:os')).cpus().length });
  // The adapter first, so a software adapter is never mistaken for the GPU.
  const adapter = REQUESTED.includes('webgpu') ? await webgpuSetUp(env.BENCH_ENGINE_WEBGPU_FALLBACK === '1') : null;
  if (adapter) {
    log(`webgpu adapter: ${JSON.stringify(adapter.info)}${adapter.skipped ? ` — skipped: ${adapter.skipped}` : ''}`);
    put('meta.webgpuAdapter', adapter.info);
    if (adapter.skipped) put('meta.webgpuSkipped', adapter.skipped);
  }
  const backends = REQUESTED.filter((b) => b !== 'webgpu' || adapter?.available);
  put('meta.backends', backends);
  const hardwareWebgpu = backends.includes('webgpu') && adapter?.fallback === false;

  const trainOptions: TrainingOptions = { backends, use, hardwareWebgpu, measureMs: QUICK ? 800 : 2000, trialMs: 300, maxStepMs: QUICK ? 500 : 3000, log };
  await section('train', async () => {
    const bench = await trainingSize(TRAIN_BENCH_CONFIG, 16, 512, trainOptions, () => null);
    for (const [b, r] of Object.entries(bench.rates)) put(`train.stepsPerSec.${b}`, r);
    put('train.stepsPerSec.auto', bench.auto);
    put('train.autoOverBest', bench.autoOverBest);
    put('backend.choice.training', choiceOut(bench, 'steps/s'));
  });
  await section('trainSweep', async () => {
    const widths = QUICK ? [16, 64] : [16, 64, 256];
    const points = QUICK ? [512, 4096] : [512, 4096, 32768];
    const sweep = await trainingSweep(widths, points, trainOptions);
    for (const s of sweep) {
      const key = `train.sweep.${s.width}x${s.trainPoints}`;
      put(key, { ...Object.fromEntries(Object.entries(s.rates)), auto: s.auto, choice: s.choice?.backend ?? null, autoOverBest: s.autoOverBest });
    }
    const ratios = sweep.map((s) => s.autoOverBest).filter((r): r is number => r !== null);
    put('train.autoOverBestMin', ratios.length ? Math.min(...ratios) : null);
  });

  for (const backend of backends) {
    await section(`compare.${backend}`, async () => {
      await use(backend);
      const rates = await compareRates(QUICK ? 600 : 1500);
      put(`compare.stepsPerSec.${backend}`, { one: rates.one, looped6: rates.looped, batched6: rates.batched });
      put(`compare.batchedOverLooped.${backend}`, rates.batchedOverLooped);
      put(`compare.throughputRatio.${backend}`, rates.throughputRatio);
      const single = { ...COMPARE6_CONFIG, compare: { runs: [] } };
      const batched6 = await kernelsPerStep(COMPARE6_CONFIG, 'batched');
      put(`compare.kernelsPerStep.${backend}`, {
        one: (await kernelsPerStep(single, 'looped')).step,
        looped6: (await kernelsPerStep(COMPARE6_CONFIG, 'looped')).step,
        batched6: batched6.step,
        batched6HandBack: batched6.handBack,
        // Six runs of one loss, and three of cross-entropy beside three of focal (batchedObjectives.ts).
        sameLoss6: { looped: (await kernelsPerStep(SAME_LOSS6_CONFIG, 'looped')).step, batched: (await kernelsPerStep(SAME_LOSS6_CONFIG, 'batched')).step },
        mixed6: { looped: (await kernelsPerStep(MIXED6_CONFIG, 'looped')).step, batched: (await kernelsPerStep(MIXED6_CONFIG, 'batched')).step },
        // The comparison with telemetry every step, and six runs of cross-entropy with an L2 penalty.
        telemetry6: { looped: (await kernelsPerStep(TELEMETRY6_CONFIG, 'looped')).step, batched: (await kernelsPerStep(TELEMETRY6_CONFIG, 'batched')).step },
        sameLossL2_6: { looped: (await kernelsPerStep(SAME_LOSS_L2_6_CONFIG, 'looped')).step, batched: (await kernelsPerStep(SAME_LOSS_L2_6_CONFIG, 'batched')).step },
      });
      log(`compare ${backend}: one run ${rates.one.toFixed(1)} steps/s; six runs looped ${rates.looped.toFixed(1)}, batched ${rates.batched.toFixed(1)} (×${rates.batchedOverLooped.toFixed(2)})`);
    });
  }

  const surfaces = new Map<EngineBackend, BackendSurfaces>();
  const resolution = QUICK ? 21 : 51;
  for (const backend of backends) {
    await section(`landscape.${backend}`, async () => {
      await use(backend);
      const candidate = backend === 'wasm' || (backend === 'webgpu' && hardwareWebgpu);
      const s = await surfacesOn(backend, { resolution, maxSurfaceMs: QUICK ? 8000 : 90_000, trialMs: 400, matMulSizes: backend === 'webgpu' ? [512, 1024, 4096] : backend === 'wasm' ? [512, 1024] : [256, 512], log }, candidate);
      surfaces.set(backend, s);
      put(`landscape.previewMs.${backend}`, s.previewMs);
      put(`landscape.fullGridMs.${backend}`, s.fullMs);
      put(`landscape.matMulGflops.${backend}`, s.matMulGflops);
      const best = bestStrategy(s);
      if (best) {
        put(`landscape.bestStrategy.${backend}`, { strategy: best.strategy, ms: best.ms });
        put(`landscape.flopEfficiency.${backend}`, s.usefulFlops / (best.ms / 1000) / 1e9 / (s.matMulGflops['512'] ?? Number.NaN));
      }
      put(`landscape.resolution`, resolution);
    });
  }
  await section('landscape.choice', async () => {
    const trials: BackendTrial[] = [...surfaces.values()].flatMap((s) => s.trials);
    const choice = landscapeChoice(trials);
    if (!choice) throw new Error('no candidate backend could evaluate a surface');
    const measured = surfaces.get(choice.backend as EngineBackend)?.fullMs[choice.strategy as SurveyStrategy];
    const best = [...surfaces.entries()].map(([b, s]) => ({ b, best: bestStrategy(s) })).filter((x) => x.best).sort((x, y) => x.best!.ms - y.best!.ms)[0];
    put('backend.choice.landscape', {
      backend: choice.backend,
      strategy: choice.strategy,
      msPer51FromTrial: (2601 / choice.rate!) * 1000,
      measuredMs: typeof measured === 'number' ? measured : null,
      measuredResolution: resolution,
      trials: Object.fromEntries(choice.trials.map((t) => [`${t.backend}/${t.strategy}`, t.rate ? Math.round((2601 / t.rate) * 1000) : null])),
      unit: `ms per 51×51 from the app's ${400} ms trials`,
    });
    if (best && typeof measured === 'number') put('landscape.autoOverBest', best.best!.ms / measured);
  });
  for (const backend of backends) {
    const s = surfaces.get(backend);
    const best = s ? bestStrategy(s) : null;
    if (!best) continue;
    await section(`liveHz.${backend}`, async () => {
      await use(backend);
      const msPer51 = (best.ms * 2601) / (resolution * resolution);
      const live = await liveRate(best.strategy, msPer51, QUICK ? 2 : 4);
      put(`landscape.liveHz.${backend}`, live.hz);
      put(`landscape.liveResolution.${backend}`, live.resolution);
      log(`live ${backend}/${best.strategy}: ${live.hz.toFixed(1)} surfaces/s at ${live.resolution}×${live.resolution}`);
    });
  }
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

function bestStrategy(s: BackendSurfaces): { strategy: SurveyStrategy; ms: number } | null {
  const timed = Object.entries(s.fullMs).filter((e): e is [SurveyStrategy, number] => typeof e[1] === 'number');
  if (timed.length === 0) return null;
  const [strategy, ms] = timed.reduce((a, b) => (b[1] < a[1] ? b : a));
  return { strategy, ms };
}

function choiceOut(size: SizeResult, unit: string): Record<string, unknown> {
  return {
    backend: size.choice?.backend ?? null,
    rate: size.auto,
    unit,
    trials: Object.fromEntries((size.choice?.trials ?? []).map((t) => [t.backend, t.rate])),
    measured: size.rates,
  };
}

main().catch((error: unknown) => {
  log(String(error instanceof Error ? (error.stack ?? error.message) : error));
  process.exit(1);
});
