// Loss-landscape benchmarks, driven through the app's test hook: surfaces timed in the surveyor
// worker on the app's own model and data, and training speed while surfaces are computed.
import { openWith } from './training.mjs';

/**
 * 2-32-32-3 MLP; 1 666 points split 60/20/20 leave exactly 1 000 to train on (and to survey).
 * Play stops at `training.totalSteps` the first time (2 000 by default, reached within the
 * training-speed windows below at ~200 steps/s): the longest length keeps every window training.
 */
export const LANDSCAPE_BENCH_CONFIG = {
  data: { kind: 'blobs', points: 1666, noise: 0.1, classes: 3, seed: 1 },
  model: { layers: 2, width: 32, activation: 'relu' },
  loss: { id: 'ce', params: {}, addons: {} },
  optimizer: { id: 'adam', learningRate: 0.01, batchSize: 0, params: {} },
  training: { totalSteps: 100_000 },
  landscape: { open: false, resolution: 51, recomputeEvery: 0 },
  seed: 1,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The app on `backend` with the landscape benchmark's model and data; returns the surveyor's backend. */
async function openLandscape(page, base, backend) {
  await openWith(page, base, backend, LANDSCAPE_BENCH_CONFIG, { surveyor: true });
  return page.evaluate(() => window.__losscape.landscape().backend);
}

/** Trains `steps` steps and waits until the surveyor has trained weights (snapshots come ~10×/s). */
async function trainTo(page, steps) {
  await page.evaluate((n) => window.__losscape.client.step(n), steps);
  await page.waitForFunction((n) => {
    const s = window.__losscape.snapshot();
    return s.step === n && !s.playing && window.__losscape.landscape().checkpointStep > 0;
  }, steps, { timeout: 120_000 });
}

/** The evaluator's strategies (landscape/evaluate.ts): rank-3 matMul, large 2-D matMuls, 2-D ops per point. */
export const LANDSCAPE_STRATEGIES = ['batched', 'stacked2d', 'perPoint'];

/**
 * One backend: the preview and the full grid as the app computes them, the same grid with each
 * strategy and looped (one forward pass per point, as Li et al.'s code does), and a large plain
 * matMul for the FLOP/s the backend reaches — all in the surveyor, in one run.
 *
 * - batchedOverLooped: looped ÷ the app's default evaluation (its strategy for this backend,
 *   named in strategy.default; every strategy evaluates a chunk of points per readback and shares
 *   the first layer's XW₀, XD₁, XD₂ across the grid). Same as defaultOverLooped.
 * - rank3OverLooped: looped ÷ the rank-3 `batched` strategy, whatever the default.
 * - flopEfficiency: the grid's useful FLOP/s (one plain forward pass per point) over a 512³
 *   matMul's. strategy.flopCeiling is useful ÷ issued matMul FLOPs of the default strategy, the
 *   efficiency it would reach if all its matMuls ran at the large-matMul rate and nothing else cost
 *   time; `stacked2d` issues every layer after the first three times (H·W, H·D₁, H·D₂), which
 *   for the 2-32-32-3 model caps it at 0.34.
 */
export async function measureLandscape(page, base, backend) {
  const actual = await openLandscape(page, base, backend);
  await trainTo(page, 300);
  const surface = (resolution, mode) => page.evaluate(([r, m]) => window.__losscape.surveyor.benchSurface(r, m), [resolution, mode]);
  const preview = await surface(11, 'default');
  const full = await surface(51, 'default');
  const timings = {};
  for (const strategy of LANDSCAPE_STRATEGIES) timings[strategy] = await surface(51, strategy);
  const looped = await surface(51, 'looped');
  const matMul = await page.evaluate(() => window.__losscape.surveyor.benchMatMul(512, 3));
  const gridFlops = full.usefulFlops / (full.ms / 1000);
  const strategy = { default: full.strategy, loopedMs: looped.ms };
  for (const [name, t] of Object.entries(timings)) {
    strategy[`${name}Ms`] = t.ms;
    strategy[`${name}OverLooped`] = looped.ms / t.ms;
  }
  strategy.flopCeiling = full.matMulFlops ? full.usefulFlops / full.matMulFlops : null;
  return {
    actual,
    examples: full.examples,
    previewMs: preview.ms,
    fullGridMs: full.ms,
    strategy,
    batchedOverLooped: looped.ms / full.ms,
    defaultOverLooped: looped.ms / full.ms,
    rank3OverLooped: looped.ms / timings.batched.ms,
    flopEfficiency: gridFlops / matMul.flops,
    gridGflops: gridFlops / 1e9,
    matMulGflops: matMul.flops / 1e9,
  };
}

async function stepsPerSecond(page, seconds) {
  const read = () =>
    page.evaluate(() => {
      const l = window.__losscape.landscape();
      return { step: window.__losscape.snapshot().step, completed: l.completed, resolution: l.resolution, surfaceMs: l.lastSurfaceMs, now: performance.now() };
    });
  await page.evaluate(() => window.__losscape.client.play());
  await sleep(1500);
  const a = await read();
  await sleep(seconds * 1000);
  const b = await read();
  await page.evaluate(() => window.__losscape.client.pause());
  await page.waitForFunction(() => !window.__losscape.snapshot().playing);
  const elapsed = (b.now - a.now) / 1000;
  // The live grid and its last surface's time at the window's end: what the cadence settled on.
  return { rate: (b.step - a.step) / elapsed, surfacesPerSecond: (b.completed - a.completed) / elapsed, resolution: b.resolution, surfaceMs: b.surfaceMs };
}

/**
 * Training steps/s with the landscape open and recomputed live (the live cadence of
 * landscapeCadence.ts: full surfaces ten a second where a 51×51 one takes under 100 ms, else a
 * coarser grid paced so training loses at most 20 %), over steps/s with it closed, on the same run.
 *
 * The first round starts from a cadence that has measured nothing (`start`: what a person sees in
 * the first seconds after pressing Play); the cadence adapts within a few seconds and is kept while
 * the run is paused, so the `rounds` that follow measure it as it settled: the reported `ratio` and
 * `surfacesPerSecond`. Closed and open windows alternate, so that drift in the machine's load
 * cancels; on a shared machine the spread of `rounds` says how far to trust the ratio.
 */
export async function measureTrainDuringSurvey(page, base, backend, seconds = 4, rounds = 3) {
  await openLandscape(page, base, backend);
  const withLandscape = (open) =>
    page.evaluate(([c, o]) => window.__losscape.setConfig({ ...c, landscape: { open: o, resolution: 51, recomputeEvery: 1 } }), [LANDSCAPE_BENCH_CONFIG, open]);
  const round = async () => {
    await withLandscape(false);
    const without = (await stepsPerSecond(page, seconds)).rate;
    // Open the view (its opening surface is computed first, with training paused), then train with live surfaces.
    const before = await page.evaluate(() => window.__losscape.landscape().completed);
    await withLandscape(true);
    await page.waitForFunction((b) => window.__losscape.landscape().completed > b, before, { timeout: 120_000 });
    const during = await stepsPerSecond(page, seconds);
    return { without, during: during.rate, surfacesPerSecond: during.surfacesPerSecond, resolution: during.resolution, surfaceMs: during.surfaceMs };
  };
  const first = await round();
  const settled = [];
  for (let k = 0; k < rounds; k++) settled.push(await round());
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const without = mean(settled.map((r) => r.without));
  const during = mean(settled.map((r) => r.during));
  return {
    without,
    during,
    ratio: during / without,
    surfacesPerSecond: mean(settled.map((r) => r.surfacesPerSecond)),
    start: { ...first, ratio: first.during / first.without },
    rounds: {
      without: settled.map((r) => r.without),
      during: settled.map((r) => r.during),
      surfacesPerSecond: settled.map((r) => r.surfacesPerSecond),
      resolution: settled.map((r) => r.resolution),
      surfaceMs: settled.map((r) => r.surfaceMs),
    },
  };
}
