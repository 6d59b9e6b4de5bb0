// Test helpers: the same runs stepped one after another or as one batch (batchedStep.ts), for comparing.
import { expect } from 'vitest';
import { configClamp, configRuns } from './config';
import { batchedTrainStep, batchedTrainSteps } from './batchedStep';
import type { StepResult } from './trainingRunTypes';
import { tf } from './tf';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';

export interface Trace {
  losses: number[][];
  telemetry: number[][][];
  weights: Float32Array[];
}

/** `steps` steps of fresh runs of `source`, batched or one run after another; losses, telemetry and final weights per run. */
export function traceRuns(source: Record<string, unknown>, steps: number, batched: boolean): Trace {
  const { config } = configClamp(source);
  const data = trainingDataCreate(config);
  const runs = configRuns(config).map((c) => new TrainingRun(c, data));
  const out: Trace = { losses: runs.map(() => []), telemetry: runs.map(() => []), weights: [] };
  let s = 0;
  const record = (results: StepResult[]): void => {
    s += 1;
    results.forEach((result, r) => {
      expect(result.step).toBe(s);
      out.losses[r]!.push(result.loss.dataSync()[0]!);
      if (result.telemetry) out.telemetry[r]!.push(Array.from(result.telemetry.dataSync()));
      tf.dispose([result.loss, ...(result.telemetry ? [result.telemetry] : [])]);
    });
  };
  // Batched: the first step as a batch of its own (set up and handed back), the rest as one batch.
  if (batched) {
    record(batchedTrainStep(runs));
    batchedTrainSteps(runs, steps - 1, record);
  } else {
    for (let i = 0; i < steps; i++) record(runs.map((run) => run.trainStep()));
  }
  for (const run of runs) {
    const flat = run.weightsFlat();
    out.weights.push(flat.dataSync() as Float32Array);
    flat.dispose();
    run.dispose();
  }
  data.dispose();
  return out;
}

/** Equal within `tolerance`, relative above 1 (absolute below); non-finite where the wanted value is. */
export function expectCloseWithin(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, label: string): void {
  expect(got.length, label).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!Number.isFinite(w)) {
      expect(Number.isFinite(g), `${label}[${i}]: ${g} vs ${w}`).toBe(false);
      continue;
    }
    expect(Math.abs(g - w), `${label}[${i}]: ${g} vs ${w}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(w)));
  }
}

/** The batched trace of `source` equals the looped one within `tolerance`: losses, final weights and telemetry. Returns the looped trace. */
export function expectBatchedSame(source: Record<string, unknown>, steps: number, tolerance: number): Trace {
  const looped = traceRuns(source, steps, false);
  const batched = traceRuns(source, steps, true);
  looped.losses.forEach((losses, r) => expectCloseWithin(batched.losses[r]!, losses, tolerance, `run ${r} losses`));
  looped.weights.forEach((weights, r) => expectCloseWithin(batched.weights[r]!, weights, tolerance, `run ${r} weights`));
  looped.telemetry.forEach((points, r) => {
    expect(batched.telemetry[r]!.length).toBe(points.length);
    points.forEach((vector, i) => expectCloseWithin(batched.telemetry[r]![i]!, vector, tolerance, `run ${r} telemetry ${i}`));
  });
  return looped;
}
