// How many steps a TrainerSession takes between readbacks, and taking them across its runs in lockstep.
import { tf, type Scalar, type Tensor1D } from '../engine/tf';
import type { TrainingRun } from '../engine/trainingRun';
import { batchedStepFits, batchedTrainSteps } from '../engine/batchedStep';
import type { StepResult } from '../engine/trainingRunTypes';
import type { TrainingStrategy } from './backendTrials';

/** Steps are run in chunks of about this long between readbacks and yields to the message loop. */
const CHUNK_TARGET_MS = 25;
/**
 * On a GPU backend every readback waits for the device to drain its queue, so chunks are longer
 * there: fewer, larger syncs keep the GPU busy (frames still arrive ten or more times a second).
 */
const GPU_CHUNK_TARGET_MS = 100;
const GPU_BACKENDS = ['webgl', 'webgpu'];
const MAX_STEPS_PER_CHUNK = 2000;
/** With a play speed set, a chunk of that many steps takes at least one animation frame. */
export const FRAME_MS = 1000 / 60;

/** The next chunk's step count, so each chunk (steps plus readback) takes about the target time. */
export function chunkStepsAdapted(count: number, elapsedMs: number): number {
  const elapsed = Math.max(0.5, elapsedMs);
  const target = GPU_BACKENDS.includes(tf.getBackend()) ? GPU_CHUNK_TARGET_MS : CHUNK_TARGET_MS;
  return Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, Math.round((count * target) / elapsed)));
}

/**
 * One run's chunk, not yet read back: each step's loss, the telemetry vectors with their steps,
 * and the validation vectors (TrainingRun.validate) with the step each was taken after.
 */
export interface ChunkTensors {
  losses: Scalar[];
  telemetry: Tensor1D[];
  meta: { step: number; learningRate: number }[];
  validation: Tensor1D[];
  validationSteps: number[];
}

/**
 * Steps every run `count` times in lockstep (step k of every run before step k + 1 of any),
 * batched where the strategy says that was measured faster and the runs fit it. Every run whose
 * step count reaches a multiple of `validateEvery` (0: never) is validated there, inside the
 * chunk, so the validation curve's resolution is set in steps and not by how fast frames come.
 */
export function chunkStep(runs: readonly TrainingRun[], count: number, strategy: TrainingStrategy, validateEvery = 0, timing?: ChunkTiming): ChunkTensors[] {
  const started = performance.now();
  let validateMs = 0;
  let validations = 0;
  const chunks = runs.map((): ChunkTensors => ({ losses: [], telemetry: [], meta: [], validation: [], validationSteps: [] }));
  const collect = (results: readonly StepResult[]): void =>
    results.forEach((result, r) => {
      const chunk = chunks[r]!;
      chunk.losses.push(result.loss);
      if (result.telemetry) {
        chunk.telemetry.push(result.telemetry);
        chunk.meta.push({ step: result.step, learningRate: result.learningRate });
      }
    });
  const validateDue = (): void =>
    runs.forEach((run, r) => {
      if (validateEvery <= 0 || run.steps % validateEvery !== 0) return;
      const at = performance.now();
      chunks[r]!.validation.push(run.validate());
      chunks[r]!.validationSteps.push(run.steps);
      validateMs += performance.now() - at;
      validations += 1;
    });
  // A batch holds the runs' weights and optimizer state over chunks: reading a run's weights
  // (validating, a probe, a frame) has it write them in and hold on, writing them or reading the
  // optimizer's state has it hand everything back (batchedRuns.ts). Validating reads the weights,
  // so a batched chunk is stepped in pieces that end where validation is due.
  if (strategy === 'batched' && batchedStepFits(runs)) {
    let left = count;
    while (left > 0) {
      const toNext = validateEvery > 0 ? validateEvery - (runs[0]!.steps % validateEvery) : left;
      const piece = Math.min(left, toNext);
      batchedTrainSteps(runs, piece, collect);
      left -= piece;
      validateDue();
    }
  } else {
    for (let i = 0; i < count; i++) {
      collect(runs.map((run) => run.trainStep()));
      validateDue();
    }
  }
  timing?.record(count * runs.length, performance.now() - started - validateMs, validations, validateMs);
  return chunks;
}

/**
 * Where a chunk reports what its steps and its validation passes cost (ValidationBudget). The
 * times are of issuing the work: on cpu and wasm that is doing it; on a GPU backend both are the
 * time to queue it, which keeps their ratio.
 */
export interface ChunkTiming {
  record(steps: number, stepMs: number, validations: number, validateMs: number): void;
}

/** Reads a chunk's losses, telemetry and validation back in one wait, disposing its tensors. */
export async function chunkRead(chunk: ChunkTensors): Promise<{ losses: Float32Array; telemetry: Float32Array | null; validation: Float32Array | null }> {
  const stackedLosses = tf.stack(chunk.losses);
  const stackedTelemetry = chunk.telemetry.length > 0 ? tf.concat(chunk.telemetry) : null;
  const stackedValidation = chunk.validation.length > 0 ? tf.concat(chunk.validation) : null;
  tf.dispose([...chunk.losses, ...chunk.telemetry, ...chunk.validation]);
  const [losses, telemetry, validation] = await Promise.all([
    stackedLosses.data(),
    stackedTelemetry ? stackedTelemetry.data() : Promise.resolve(null),
    stackedValidation ? stackedValidation.data() : Promise.resolve(null),
  ]);
  tf.dispose([stackedLosses, ...(stackedTelemetry ? [stackedTelemetry] : []), ...(stackedValidation ? [stackedValidation] : [])]);
  return { losses: losses as Float32Array, telemetry: telemetry as Float32Array | null, validation: validation as Float32Array | null };
}
