// Training in the engine benchmark: the bench model's steps per second on each backend, a
// width × points sweep, and what the app's own choice (backendTrials + backendDecision, the same
// code the trainer worker runs) gets at each size against the best single backend.
import { configClamp, type ExperimentConfig } from '../../src/engine/config';
import { backendCandidates, backendDecide, type BackendChoice } from '../../src/workers/backendDecision';
import { trainingTrial } from '../../src/workers/backendTrials';
import type { EngineBackend } from './backends';

/** The app bench's model: 2-16-16-2, full batch, Adam; 854 points split 60/20/20 leave 512 to train on. */
export const TRAIN_BENCH_CONFIG: ExperimentConfig = configClamp({
  data: { kind: 'circle', points: 854, noise: 0.1, classes: 2, seed: 1 },
  model: { layers: 2, width: 16, activation: 'relu' },
  loss: { id: 'ce', params: {}, addons: {} },
  optimizer: { id: 'adam', learningRate: 0.01, batchSize: 0, params: {} },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
  seed: 1,
}).config;

/** The bench model at another width and number of training points (past the app's input limits). */
export function sweepConfig(width: number, trainPoints: number): ExperimentConfig {
  const base = TRAIN_BENCH_CONFIG;
  return { ...base, data: { ...base.data, points: Math.ceil(trainPoints / 0.6) }, model: { ...base.model, width } };
}

export interface SizeResult {
  width: number;
  trainPoints: number;
  /** Steps per second per backend, or why it was skipped or failed. */
  rates: Partial<Record<EngineBackend, number | string>>;
  choice: BackendChoice | null;
  auto: number | null;
  best: { backend: EngineBackend; rate: number } | null;
  autoOverBest: number | null;
}

export interface TrainingOptions {
  backends: EngineBackend[];
  use: (backend: EngineBackend) => Promise<void>;
  /** The app's candidates have a hardware WebGPU adapter here. */
  hardwareWebgpu: boolean;
  measureMs: number;
  /** The app's trial budget per candidate (trainer.worker.ts). */
  trialMs: number;
  /** A size whose step a backend is predicted to take longer than this for is skipped there. */
  maxStepMs: number;
  log: (line: string) => void;
}

/**
 * One size on every backend (a long measurement each), then the app's decision from its own short
 * trials on its candidates; `auto` is the chosen backend's long-measured rate.
 */
export async function trainingSize(config: ExperimentConfig, width: number, trainPoints: number, options: TrainingOptions, predictedStepMs: (b: EngineBackend) => number | null): Promise<SizeResult> {
  const rates: SizeResult['rates'] = {};
  for (const backend of options.backends) {
    const predicted = predictedStepMs(backend);
    if (predicted !== null && predicted > options.maxStepMs) {
      rates[backend] = `skipped: about ${(predicted / 1000).toFixed(1)} s a step`;
      continue;
    }
    try {
      await options.use(backend);
      rates[backend] = await trainingTrial(config, null, options.measureMs);
    } catch (error) {
      rates[backend] = `failed: ${String(error instanceof Error ? error.message : error)}`;
    }
  }
  const candidates = backendCandidates(options.hardwareWebgpu).timed.filter((b): b is EngineBackend => (options.backends as string[]).includes(b));
  const trials = [];
  for (const backend of candidates) {
    if (typeof rates[backend] !== 'number') {
      trials.push({ backend, strategy: null, rate: null, error: String(rates[backend]) });
      continue;
    }
    await options.use(backend);
    trials.push({ backend, strategy: null, rate: await trainingTrial(config, null, options.trialMs) });
  }
  const choice = backendDecide(trials, `${width}x${trainPoints}`);
  const numeric = Object.entries(rates).filter((e): e is [EngineBackend, number] => typeof e[1] === 'number');
  const best = numeric.reduce<SizeResult['best']>((b, [backend, rate]) => (!b || rate > b.rate ? { backend, rate } : b), null);
  const auto = choice ? ((rates[choice.backend as EngineBackend] as number | undefined) ?? null) : null;
  const result = { width, trainPoints, rates, choice, auto, best, autoOverBest: auto !== null && best ? auto / best.rate : null };
  options.log(
    `train ${width}×${trainPoints}: ${Object.entries(rates).map(([b, r]) => `${b} ${typeof r === 'number' ? r.toFixed(1) : r}`).join(', ')}; app picks ${choice?.backend ?? '—'} (${result.autoOverBest?.toFixed(2) ?? '—'} of the best)`,
  );
  return result;
}

/** The sweep, smallest work first, so each backend's next step time can be predicted from the last. */
export async function trainingSweep(widths: number[], points: number[], options: TrainingOptions): Promise<SizeResult[]> {
  const sizes = widths.flatMap((w) => points.map((n) => ({ w, n, work: n * (2 * w + w * w + 2 * w) }))).sort((a, b) => a.work - b.work);
  const last = new Map<EngineBackend, { work: number; rate: number }>();
  const results: SizeResult[] = [];
  for (const { w, n, work } of sizes) {
    const predicted = (b: EngineBackend): number | null => {
      const before = last.get(b);
      return before ? ((work / before.work) * 1000) / before.rate : null;
    };
    const result = await trainingSize(sweepConfig(w, n), w, n, options, predicted);
    for (const [b, r] of Object.entries(result.rates)) if (typeof r === 'number') last.set(b as EngineBackend, { work, rate: r });
    results.push(result);
  }
  return results;
}
