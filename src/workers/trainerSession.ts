import { tf, type Scalar, type Tensor1D } from '../engine/tf';
import type { ExperimentConfig } from '../engine/config';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import { SPLIT_ROLE, type DataPoints, type TrainerEvent } from './protocol';
import { FrameBuilder } from './frameBuilder';
import { probeCalibration, SharpnessProbe, telemetryPoints } from './trainerProbes';

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

/** Has `step` crossed a multiple of `every` since `last`? (every = 0: never.) */
function crossed(every: number, last: number, step: number): boolean {
  return every > 0 && Math.floor(step / every) > Math.floor(last / every);
}

/**
 * Owns the data and the run in a worker, steps it while playing, and emits throttled frames.
 * It never knows it is in a worker: `emit` is the only way out, so tests drive it in Node.
 */
export class TrainerSession {
  private data: TrainingData | undefined;
  private run: TrainingRun | undefined;
  private frames: FrameBuilder;
  private sharpness = new SharpnessProbe();
  private revision = 0;
  /** Bumped by every play/pause/step/reset/configure; a loop runs only while its generation is current. */
  private generation = 0;
  /** The generation of the loop now stepping, if any. */
  private activeLoop: number | null = null;
  private divergedAt: number | null = null;
  private lastCalibrationStep = 0;
  private lastSharpnessStep = 0;
  private stepsPerChunk = 1;

  constructor(
    private readonly emit: Emit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.frames = new FrameBuilder(now);
  }

  configure(config: ExperimentConfig, revision: number): void {
    this.revision = revision;
    this.generation += 1;
    this.run?.dispose();
    this.data?.dispose();
    this.data = trainingDataCreate(config);
    this.emit({ type: 'data', revision, points: dataPoints(this.data) });
    this.startRun(config);
  }

  /** New probe cadences (calibration, sharpness, telemetry) for the run, which goes on. */
  setMetrics(metrics: ExperimentConfig['metrics']): void {
    this.run?.setMetrics(metrics);
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
    this.frames = new FrameBuilder(this.now);
    this.sharpness.dispose();
    this.divergedAt = null;
    this.activeLoop = null;
    this.lastCalibrationStep = 0;
    this.lastSharpnessStep = 0;
    this.status(false);
    // A first frame at step 0 shows the untrained boundary (and calibration) straight away.
    void this.probeAndEmit(this.run, true);
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
    this.frames.startClock(run.steps);
    let remaining = steps;
    while (remaining > 0 && generation === this.generation && run === this.run) {
      const started = this.now();
      const count = Math.min(this.stepsPerChunk, remaining);
      remaining -= count;
      const ok = await this.runChunk(run, count);
      if (run !== this.run) return;
      if (!ok) {
        if (generation === this.generation) this.generation += 1;
        this.loopEnded(generation);
        return;
      }
      // Adapt the chunk so each one (steps plus readback) takes about CHUNK_TARGET_MS.
      const elapsed = Math.max(0.5, this.now() - started);
      this.stepsPerChunk = Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, Math.round((count * CHUNK_TARGET_MS) / elapsed)));
      await this.probeAndEmit(run, false);
      await yieldToMessages();
    }
    if (run !== this.run) return;
    // Paused, finished a step request, or superseded by another command: show where it stopped.
    if (this.frames.hasPending()) await this.probeAndEmit(run, true);
    this.loopEnded(generation);
  }

  /** Runs `count` steps and reads their losses (and telemetry) back at once. False if it diverged. */
  private async runChunk(run: TrainingRun, count: number): Promise<boolean> {
    const losses: Scalar[] = [];
    const telemetry: Tensor1D[] = [];
    const telemetryMeta: { step: number; learningRate: number }[] = [];
    for (let i = 0; i < count; i++) {
      const result = run.trainStep();
      losses.push(result.loss);
      if (result.telemetry) {
        telemetry.push(result.telemetry);
        telemetryMeta.push({ step: result.step, learningRate: result.learningRate });
      }
    }
    const firstStep = run.steps - count + 1;
    const stackedLosses = tf.stack(losses);
    const stackedTelemetry = telemetry.length > 0 ? tf.concat(telemetry) : null;
    tf.dispose([...losses, ...telemetry]);
    const [values, telemetryValues] = await Promise.all([
      stackedLosses.data(),
      stackedTelemetry ? stackedTelemetry.data() : Promise.resolve(null),
    ]);
    stackedLosses.dispose();
    stackedTelemetry?.dispose();
    if (run !== this.run) return true;
    const bad = values.findIndex((v) => !Number.isFinite(v));
    this.frames.addLosses(values.subarray(0, bad < 0 ? values.length : bad));
    if (telemetryValues) {
      const points = telemetryPoints(telemetryValues as Float32Array, telemetryMeta, run.shape.hidden.length + 1);
      this.frames.addTelemetry(bad < 0 ? points : points.filter((p) => p.step < firstStep + bad));
    }
    if (bad < 0) return true;
    this.divergedAt = firstStep + bad;
    await this.emitFrame(run);
    this.emit({
      type: 'diverged',
      revision: this.revision,
      step: this.divergedAt,
      reason: `the training loss became ${String(values[bad])} (try a lower learning rate)`,
    });
    return false;
  }

  /** Takes the calibration and sharpness probes that are due, then emits a frame if one is due. */
  private async probeAndEmit(run: TrainingRun, force: boolean): Promise<void> {
    const { calibrationEvery, sharpnessEvery } = run.config.metrics;
    const atStart = run.steps === 0;
    const probes: Promise<void>[] = [];
    if ((atStart && calibrationEvery > 0) || crossed(calibrationEvery, this.lastCalibrationStep, run.steps)) {
      this.lastCalibrationStep = run.steps;
      probes.push(probeCalibration(run).then((c) => this.frames.setCalibration(c)));
    }
    if (crossed(sharpnessEvery, this.lastSharpnessStep, run.steps)) {
      this.lastSharpnessStep = run.steps;
      probes.push(this.sharpness.measure(run).then((p) => this.frames.addSharpness(p)));
    }
    await Promise.all(probes);
    if (run !== this.run) return;
    if (force || this.frames.due()) await this.emitFrame(run);
  }

  private async emitFrame(run: TrainingRun): Promise<void> {
    const frame = await this.frames.build(run, () => run === this.run);
    if (frame) this.emit({ type: 'frame', revision: this.revision, frame });
  }

  /** Reports "not playing" unless a newer loop has taken over meanwhile. */
  private loopEnded(generation: number): void {
    if (this.activeLoop !== generation) return;
    this.activeLoop = null;
    this.status(false);
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
  const flipped = new Uint8Array(dataset.y.length);
  for (const i of data.flipped) flipped[i] = 1;
  return { x: dataset.x.slice(), y: dataset.y.slice(), role, flipped, features: dataset.features, classes: dataset.classes, extent: data.extent };
}
