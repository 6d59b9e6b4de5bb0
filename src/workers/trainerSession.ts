import { tf, type Scalar } from '../engine/tf';
import type { ExperimentConfig } from '../engine/config';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import { SPLIT_ROLE, type DataPoints, type FrameEvaluation, type TrainerEvent, type TrainingFrame } from './protocol';

/** At most this many frames a second reach the main thread, however fast training runs. */
const FRAME_INTERVAL_MS = 1000 / 30;
/** Held-out metrics and the boundary are recomputed at most this often… */
const EVALUATION_INTERVAL_MS = FRAME_INTERVAL_MS;
const BOUNDARY_INTERVAL_MS = 100;
/**
 * …and no more often than this many times their own cost, so that on a slow backend (software
 * WebGPU: hundreds of ms a forward pass) watching costs at most ~1/20 of the training time.
 */
const COST_MULTIPLE = 20;
export const BOUNDARY_RESOLUTION = 48;
/** Steps are run in chunks of about this long between readbacks and yields to the message loop. */
const CHUNK_TARGET_MS = 25;
const MAX_STEPS_PER_CHUNK = 2000;

export type Emit = (event: TrainerEvent) => void;

/** Lets queued messages (pause, a new config) in between chunks, without setTimeout's 4 ms clamp. */
function yieldToMessages(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Owns the data and the run in a worker, steps it while playing, and emits throttled frames.
 * It never knows it is in a worker: `emit` is the only way out, so tests drive it in Node.
 */
export class TrainerSession {
  private data: TrainingData | undefined;
  private run: TrainingRun | undefined;
  private revision = 0;
  /** Bumped by every play/pause/step/reset/configure; a loop runs only while its generation is current. */
  private generation = 0;
  private divergedAt: number | null = null;
  /** The generation of the loop now stepping, if any. */
  private activeLoop: number | null = null;
  private pendingLosses: number[] = [];
  private pendingFirstStep = 0;
  private lastFrameAt = -Infinity;
  private lastBoundaryAt = -Infinity;
  private lastEvaluationAt = -Infinity;
  private evaluationCostMs = 0;
  private boundaryCostMs = 0;
  private stepsAtLastFrame = 0;
  private timeAtLastFrame = 0;
  private stepsPerChunk = 1;

  constructor(
    private readonly emit: Emit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  configure(config: ExperimentConfig, revision: number): void {
    this.revision = revision;
    this.generation += 1;
    this.run?.dispose();
    this.data?.dispose();
    this.data = trainingDataCreate(config);
    this.emit({ type: 'data', revision, points: dataPoints(this.data) });
    this.startRun(config);
  }

  reset(): void {
    if (!this.run) return;
    this.generation += 1;
    const config = this.run.config;
    this.run.dispose();
    this.startRun(config);
  }

  play(): Promise<void> {
    return this.train(Infinity);
  }

  step(steps: number): Promise<void> {
    return this.train(Math.max(1, Math.floor(steps)));
  }

  pause(): void {
    this.generation += 1;
  }

  /** The run being trained, for benchmarks that time the same model outside the loop. */
  currentRun(): TrainingRun | undefined {
    return this.run;
  }

  private startRun(config: ExperimentConfig): void {
    if (!this.data) return;
    this.run = new TrainingRun(config, this.data);
    this.divergedAt = null;
    this.activeLoop = null;
    this.pendingLosses = [];
    this.pendingFirstStep = 1;
    this.stepsAtLastFrame = 0;
    this.timeAtLastFrame = this.now();
    this.lastFrameAt = -Infinity;
    this.lastBoundaryAt = -Infinity;
    this.lastEvaluationAt = -Infinity;
    this.status(false);
    // A first frame at step 0 shows the untrained boundary straight away.
    void this.emitFrame(this.run);
  }

  private async train(steps: number): Promise<void> {
    const run = this.run;
    if (!run) return;
    if (this.divergedAt !== null) {
      this.emit({ type: 'error', message: `This run diverged at step ${this.divergedAt}. Reset it (or lower the learning rate) to train again.` });
      return;
    }
    const generation = ++this.generation;
    this.activeLoop = generation;
    this.status(true);
    this.timeAtLastFrame = this.now();
    this.stepsAtLastFrame = run.steps;
    let remaining = steps;
    while (remaining > 0 && generation === this.generation && run === this.run) {
      const started = this.now();
      const count = Math.min(this.stepsPerChunk, remaining);
      const losses: Scalar[] = [];
      for (let i = 0; i < count; i++) losses.push(run.trainStep());
      remaining -= count;
      const firstStep = run.steps - count + 1;
      const stacked = tf.stack(losses);
      for (const loss of losses) loss.dispose();
      const values = await stacked.data();
      stacked.dispose();
      if (run !== this.run) return;
      const bad = values.findIndex((v) => !Number.isFinite(v));
      this.pendingLosses.push(...values.subarray(0, bad < 0 ? values.length : bad));
      if (bad >= 0) {
        this.divergedAt = firstStep + bad;
        if (generation === this.generation) this.generation += 1;
        await this.emitFrame(run);
        this.emit({
          type: 'diverged',
          revision: this.revision,
          step: this.divergedAt,
          reason: `the training loss became ${String(values[bad])} (try a lower learning rate)`,
        });
        this.loopEnded(generation);
        return;
      }
      // Adapt the chunk so each one (steps plus readback) takes about CHUNK_TARGET_MS.
      const elapsed = Math.max(0.5, this.now() - started);
      this.stepsPerChunk = Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, Math.round((count * CHUNK_TARGET_MS) / elapsed)));
      if (this.now() - this.lastFrameAt >= FRAME_INTERVAL_MS) await this.emitFrame(run);
      await yieldToMessages();
    }
    if (run !== this.run) return;
    // Paused, finished a step request, or superseded by another command: show where it stopped.
    if (this.pendingLosses.length > 0) await this.emitFrame(run);
    this.loopEnded(generation);
  }

  /** Reports "not playing" unless a newer loop has taken over meanwhile. */
  private loopEnded(generation: number): void {
    if (this.activeLoop !== generation) return;
    this.activeLoop = null;
    this.status(false);
  }

  private async emitFrame(run: TrainingRun): Promise<void> {
    const now = this.now();
    this.lastFrameAt = now;
    const evaluate = now - this.lastEvaluationAt >= Math.max(EVALUATION_INTERVAL_MS, COST_MULTIPLE * this.evaluationCostMs);
    const withBoundary = now - this.lastBoundaryAt >= Math.max(BOUNDARY_INTERVAL_MS, COST_MULTIPLE * this.boundaryCostMs);
    // Weights travel with the boundary: both show where the model is, at the same cadence.
    const weightsTensor = withBoundary ? run.weightsFlat() : null;
    const [evaluation, probabilities, weights] = await Promise.all([
      evaluate ? this.evaluate(run) : Promise.resolve(null),
      withBoundary ? this.boundary(run) : Promise.resolve(null),
      weightsTensor ? (weightsTensor.data() as Promise<Float32Array>) : Promise.resolve(null),
    ]);
    weightsTensor?.dispose();
    if (run !== this.run) return;
    if (evaluate) this.lastEvaluationAt = now;
    if (withBoundary) this.lastBoundaryAt = now;
    const elapsedSeconds = Math.max(1e-3, (this.now() - this.timeAtLastFrame) / 1000);
    const frame: TrainingFrame = {
      step: run.steps,
      losses: Float32Array.from(this.pendingLosses),
      firstStep: this.pendingFirstStep,
      evaluation,
      stepsPerSecond: (run.steps - this.stepsAtLastFrame) / elapsedSeconds,
      tensors: tf.memory().numTensors,
      boundary: probabilities ? { resolution: BOUNDARY_RESOLUTION, classes: run.data.dataset.classes, probabilities } : null,
      weights,
      calibration: null,
      telemetry: [],
      sharpness: [],
    };
    this.pendingLosses = [];
    this.pendingFirstStep = run.steps + 1;
    this.stepsAtLastFrame = run.steps;
    this.timeAtLastFrame = this.now();
    this.emit({ type: 'frame', revision: this.revision, frame });
  }

  private async evaluate(run: TrainingRun): Promise<FrameEvaluation> {
    const started = this.now();
    const step = run.steps;
    const evaluation = run.evaluate();
    const parts = [evaluation.validationLoss, evaluation.trainAccuracy, evaluation.validationAccuracy];
    const summary = tf.stack(parts);
    tf.dispose(parts);
    const values = await summary.data();
    summary.dispose();
    this.evaluationCostMs = this.now() - started;
    return { step, validationLoss: values[0]!, trainAccuracy: values[1]!, validationAccuracy: values[2]! };
  }

  private async boundary(run: TrainingRun): Promise<Float32Array> {
    const started = this.now();
    const grid = run.predictGrid(BOUNDARY_RESOLUTION);
    const probabilities = (await grid.data()) as Float32Array;
    grid.dispose();
    this.boundaryCostMs = this.now() - started;
    return probabilities;
  }

  private status(playing: boolean): void {
    this.emit({ type: 'status', revision: this.revision, playing, step: this.run?.steps ?? 0 });
  }
}

function dataPoints(data: TrainingData): DataPoints {
  const { dataset, split } = data;
  const role = new Uint8Array(dataset.y.length);
  for (const i of split.validation) role[i] = SPLIT_ROLE.validation;
  for (const i of split.test) role[i] = SPLIT_ROLE.test;
  return {
    x: dataset.x.slice(),
    y: dataset.y.slice(),
    role,
    flipped: new Uint8Array(dataset.y.length),
    features: dataset.features,
    classes: dataset.classes,
    extent: data.extent,
  };
}
