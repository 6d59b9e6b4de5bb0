import { tf } from '../engine/tf';
import { configRuns, type ExperimentConfig } from '../engine/config';
import { preferenceProblemCreate, type PreferenceProblem } from '../engine/preference/problem';
import { preferenceTensorsCreate, preferenceTensorsDispose, type PreferenceTensors } from '../engine/preference/preferenceTensors';
import { PREFERENCE_PROBE_FIELDS, PreferenceRun } from '../engine/preference/preferenceRun';
import { preferenceStartFamily, preferenceStartWeights } from '../engine/preference/preferenceStart';
import { landscapeFlatten } from '../engine/landscape/params';
import type { Extent } from '../engine/trainingData';
import type { DataPoints, PreferencePoint, ResumePoint, TrainerEvent } from './protocol';
import { yieldToMessages } from './yieldToMessages';

/** Steps run in chunks of about this long between probes, frames and yields. */
const CHUNK_TARGET_MS = 40;
const MAX_STEPS_PER_CHUNK = 200;
const BOUNDARY_RESOLUTION = 48;
/** π over the plane is redrawn at most this often (it costs more than the steps of a chunk). */
const BOUNDARY_EVERY_MS = 250;
const EXTENT: Extent = [-1.15, 1.15, -1.15, 1.15];

export type Emit = (event: TrainerEvent) => void;

/**
 * The trainer for task 'preference': the problem's prompts as the plane's points (coloured by
 * their best response), the runs of the comparison stepped in lockstep from the same initial
 * weights, and after each chunk one frame per run with its losses, a probe point (log π(y_w),
 * log π(y_l), their gradients' cosine, margin, win-rate, forget and retain probabilities) and
 * π(·|x) over the plane as its "boundary". Emits only through `emit`, so tests drive it in Node.
 */
export class PreferenceSession {
  private config: ExperimentConfig | undefined;
  private revision = 0;
  private problem: PreferenceProblem | undefined;
  private tensors: PreferenceTensors | undefined;
  private runs: PreferenceRun[] = [];
  private generation = 0;
  /** The generation of the loop now stepping, if any. */
  private activeLoop: number | null = null;
  private stepsPerChunk = 1;
  /** When each run's boundary was last computed. */
  private boundaryAt: number[] = [];
  /** Each run's π_ref parameters (its initial weights), sent with its weights for the landscape. */
  private references: Float32Array[] = [];
  /** Each run's step and time at its last frame while training, for its steps per second (the live landscape paces itself by them). */
  private rateFrom: ({ step: number; at: number } | undefined)[] = [];

  constructor(
    private readonly emit: Emit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `resume`: after the worker was restarted, each run goes on from the weights and step it last sent. */
  configure(config: ExperimentConfig, revision: number, resume: readonly ResumePoint[] = []): void {
    this.revision = revision;
    this.config = config;
    this.generation += 1;
    this.disposeRuns();
    if (this.tensors) preferenceTensorsDispose(this.tensors);
    const { preference, data } = config;
    this.problem = preferenceProblemCreate({ prompts: data.points, responses: preference.responses, labelNoise: preference.labelNoise, forgetFraction: preference.forgetFraction, seed: data.seed });
    this.tensors = preferenceTensorsCreate(this.problem);
    this.emit({ type: 'data', revision, points: preferencePoints(this.problem, preferenceStartFamily(config) === 'unlearning') });
    this.startRuns(resume);
  }

  reset(): void {
    if (!this.config) return;
    this.generation += 1;
    this.disposeRuns();
    this.startRuns();
  }

  play(): Promise<void> {
    const total = this.config?.training.totalSteps ?? Infinity;
    const reached = Math.max(0, ...this.runs.map((r) => r.steps));
    return this.train(reached < total ? total - reached : Infinity);
  }

  step(steps: number): Promise<void> {
    return this.train(Math.max(1, Math.floor(steps)));
  }

  pause(): void {
    this.generation += 1;
  }

  dispose(): void {
    this.generation += 1;
    this.disposeRuns();
    if (this.tensors) preferenceTensorsDispose(this.tensors);
    this.tensors = undefined;
  }

  private startRuns(resume: readonly ResumePoint[] = []): void {
    const config = this.config;
    const tensors = this.tensors;
    if (!config || !tensors) return;
    // Every run starts from the same weights, whatever its loss's family (preferenceStart.ts).
    const initial = preferenceStartWeights(config, tensors);
    this.runs = configRuns(config).map((runConfig) => new PreferenceRun(runConfig, tensors, initial));
    for (const point of resume) this.runs[point.run]?.restore(point.weights, point.step);
    const reference = landscapeFlatten(initial);
    this.references = this.runs.map(() => reference);
    this.boundaryAt = this.runs.map(() => -Infinity);
    this.activeLoop = null;
    this.status(false);
    const runs = this.runs;
    void Promise.all(runs.map((run, index) => this.emitFrame(run, index, new Float32Array(0), runs, true)));
  }

  private disposeRuns(): void {
    for (const run of this.runs) run.dispose();
    this.runs = [];
  }

  private async train(steps: number): Promise<void> {
    const runs = this.runs;
    if (runs.length === 0) return;
    const generation = ++this.generation;
    this.activeLoop = generation;
    this.status(true);
    this.rateFrom = [];
    let remaining = steps;
    while (remaining > 0 && generation === this.generation && runs === this.runs) {
      const started = this.now();
      const count = Math.min(this.stepsPerChunk, remaining);
      remaining -= count;
      const losses = runs.map((): tf.Scalar[] => []);
      for (let i = 0; i < count; i++) runs.forEach((run, r) => losses[r]!.push(run.trainStep().loss));
      await Promise.all(
        runs.map(async (run, r) => {
          const stacked = tf.stack(losses[r]!);
          tf.dispose(losses[r]!);
          const values = (await stacked.data()) as Float32Array;
          stacked.dispose();
          await this.emitFrame(run, r, values, runs, remaining === 0);
        }),
      );
      const elapsed = Math.max(0.5, this.now() - started);
      this.stepsPerChunk = Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, Math.round((count * CHUNK_TARGET_MS) / elapsed)));
      await yieldToMessages();
    }
    if (runs !== this.runs) return;
    // Paused or superseded mid-way: show where each run stopped, its plane included.
    if (remaining > 0) await Promise.all(runs.map((run, r) => this.emitFrame(run, r, new Float32Array(0), runs, true)));
    // A pause ends the loop without starting another, so the loop says training stopped; a newer
    // play or step has said it is training, and its own loop will say when it stops.
    if (this.activeLoop !== generation) return;
    this.activeLoop = null;
    this.status(false);
  }

  private async emitFrame(run: PreferenceRun, index: number, losses: Float32Array, runs: readonly PreferenceRun[], final = false): Promise<void> {
    // The step is read now: by the time the readback resolves, the next chunk may have stepped.
    const step = run.steps;
    const probe = run.probe();
    const due = final || this.now() - (this.boundaryAt[index] ?? -Infinity) >= BOUNDARY_EVERY_MS;
    if (due) this.boundaryAt[index] = this.now();
    const grid = due ? run.gridProbabilities(BOUNDARY_RESOLUTION, EXTENT) : null;
    // Every frame carries the weights (the surveyor's path, and where a restarted worker resumes;
    // a frame comes once per chunk) and π_ref's (the landscape's objective).
    const weightsTensor = run.weightsFlat();
    const reference = this.references[index]!.slice();
    const [values, probabilities, weights] = await Promise.all([probe.data(), grid ? grid.data() : Promise.resolve(null), weightsTensor.data() as Promise<Float32Array>]);
    probe.dispose();
    grid?.dispose();
    weightsTensor.dispose();
    if (runs !== this.runs) return;
    const point = { step } as PreferencePoint;
    PREFERENCE_PROBE_FIELDS.forEach((field, i) => (point[field] = values[i]!));
    this.emit({
      type: 'frame',
      revision: this.revision,
      run: index,
      frame: {
        step,
        losses,
        firstStep: step - losses.length + 1,
        evaluation: null,
        stepsPerSecond: this.rate(index, step),
        tensors: tf.memory().numTensors,
        boundary: probabilities ? { planeSerial: 0, resolution: BOUNDARY_RESOLUTION, classes: run.shape.outputs, probabilities: probabilities as Float32Array } : null,
        weights,
        reference,
        calibration: null,
        telemetry: [],
        sharpness: [],
        preference: [point],
      },
    });
  }

  /** Steps a second since the run's last frame of this play (0 for its first). */
  private rate(index: number, step: number): number {
    const now = this.now();
    const from = this.rateFrom[index];
    this.rateFrom[index] = { step, at: now };
    return from && step > from.step && now > from.at ? ((step - from.step) * 1000) / (now - from.at) : 0;
  }

  private status(playing: boolean): void {
    const step = Math.max(0, ...this.runs.map((r) => r.steps));
    this.emit({ type: 'status', revision: this.revision, playing, step });
  }
}

/**
 * The prompts as the plane's points, labelled by their best response, "flipped" where label noise
 * swapped the pair; when a run unlearns, each marked as of the forget or the retain set.
 */
function preferencePoints(problem: PreferenceProblem, unlearning: boolean): DataPoints {
  const n = problem.best.length;
  const k = problem.spec.responses;
  return {
    x: Float32Array.from(problem.x),
    y: Int32Array.from(problem.best),
    role: new Uint8Array(n),
    flipped: Uint8Array.from(problem.flipped),
    features: 2,
    classes: k,
    plane: Float32Array.from(problem.x),
    extent: EXTENT,
    axes: ['x₁', 'x₂'],
    view: { mode: 'features', x: 0, y: 1 },
    planeSerial: 0,
    featureNames: ['x₁', 'x₂'],
    classNames: Array.from({ length: k }, (_, y) => `response ${y + 1}`),
    added: 0,
    ...(unlearning ? { forget: preferenceForgetMask(problem) } : {}),
  };
}

/** 1 for each prompt of the forget set, 0 for the retain set. */
function preferenceForgetMask(problem: PreferenceProblem): Uint8Array {
  const mask = new Uint8Array(problem.best.length);
  for (const i of problem.forget) mask[i] = 1;
  return mask;
}
