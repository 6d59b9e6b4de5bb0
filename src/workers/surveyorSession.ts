// The surveyor's logic: it keeps the run's data and its trajectory of weight checkpoints, and
// evaluates loss surfaces and 1-D slices on request, progressively and cancellably. Like
// TrainerSession it never knows it is in a worker: `emit` is its only way out.
import type { ExperimentConfig } from '../engine/config';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import type { DataTable } from '../engine/dataTable';
import { lossById } from '../losses/registry';
import {
  landscapeCheckpointLosses,
  landscapeEvaluator,
  landscapeGridAxis,
  landscapeGridProgressive,
  landscapeGridSample,
  landscapeParamCount,
  landscapeProject,
  landscapeSlice,
  landscapeTrajectoryDiagnostics,
  landscapeUnflatten,
  type LandscapeGridSpec,
  type LandscapeObjective,
  type LayerShape,
} from '../engine/landscape';
import { surveyPlaneBuild, type Checkpoint } from './surveyorPlane';
import type { SliceEnd, SliceRequest, SurfaceSpec, SurveyorEvent, SurveyRequest } from './surveyorProtocol';
import { yieldToMessages } from './yieldToMessages';

/** Checkpoints kept per run; past it every other middle one is dropped, so coverage stays even. */
export const SURVEYOR_CHECKPOINT_CAPACITY = 200;

/** Longest pause between the chunks of a surface that follows training. */
const BACKGROUND_PAUSE_MAX_MS = 200;

export type SurveyorEmit = (event: SurveyorEvent) => void;

type Job = { kind: 'survey'; request: SurveyRequest } | { kind: 'slice'; request: SliceRequest };

export interface SurveyorModel {
  objective: LandscapeObjective;
  shapes: LayerShape[];
  revision: number;
}

function specOut(spec: LandscapeGridSpec): SurfaceSpec {
  return { resolution: spec.resolution, alpha: [spec.alpha[0], spec.alpha[1]], beta: [spec.beta[0], spec.beta[1]] };
}

export class SurveyorSession {
  private config: ExperimentConfig | null = null;
  private revision = 0;
  private data: TrainingData | null = null;
  private model: SurveyorModel | null = null;
  private stale = false;
  private checkpoints: Checkpoint[] = [];
  private pending: Job | null = null;
  private running: Promise<void> | null = null;
  private token = { cancelled: false };

  constructor(
    private readonly emit: SurveyorEmit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new experiment: its data is rebuilt (lazily, between jobs) and the trajectory starts afresh. */
  /** An uploaded file's table, when the config's data names one (the config only names it). */
  private table: DataTable | null = null;

  configure(config: ExperimentConfig, revision: number, table: DataTable | null = null): void {
    this.config = config;
    this.table = table;
    this.revision = revision;
    this.stale = true;
    this.checkpoints = [];
    this.pending = null;
    this.token.cancelled = true;
  }

  /** Records the weights at `step`; a step lower than the last means the run was reset. */
  checkpoint(revision: number, step: number, weights: Float32Array): void {
    if (revision !== this.revision) return;
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last && step < last.step) this.checkpoints = [];
    if (last && step === last.step) this.checkpoints.pop();
    this.checkpoints.push({ step, weights });
    if (this.checkpoints.length > SURVEYOR_CHECKPOINT_CAPACITY) {
      const kept = this.checkpoints.filter((_, i) => i % 2 === 0 || i === this.checkpoints.length - 1);
      this.checkpoints = kept;
    }
  }

  /** The checkpoints kept so far (oldest first). */
  trajectory(): readonly Checkpoint[] {
    return this.checkpoints;
  }

  survey(request: SurveyRequest): void {
    if (request.preempt) this.token.cancelled = true;
    this.enqueue({ kind: 'survey', request });
  }

  slice(request: SliceRequest): void {
    this.token.cancelled = true;
    this.enqueue({ kind: 'slice', request });
  }

  cancel(): void {
    this.pending = null;
    this.token.cancelled = true;
  }

  /** Resolves when no job runs or waits (for tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The objective and layer shapes of the current config, rebuilt if the config changed. */
  currentModel(): SurveyorModel {
    if (!this.config) throw new Error('the surveyor has no experiment yet');
    if (this.stale || !this.model) {
      this.data?.dispose();
      const config = this.config;
      const data = trainingDataCreate(config, this.table);
      const { features, classes } = data.dataset;
      const sizes = [features, ...Array.from({ length: config.model.layers }, () => config.model.width), classes];
      const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l]!, outputs }));
      const objective: LandscapeObjective = {
        activation: config.model.activation,
        x: data.train.x,
        targets: data.train.targets,
        loss: lossById(config.loss.id),
        params: config.loss.params,
        context: { classes, classPriors: data.classPriors, step: 0, seed: config.seed },
      };
      this.data = data;
      this.model = { objective, shapes, revision: this.revision };
      this.stale = false;
    }
    return this.model;
  }

  dispose(): void {
    this.cancel();
    this.data?.dispose();
    this.data = null;
    this.model = null;
  }

  private enqueue(job: Job): void {
    this.pending = job;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const job = this.pending;
      this.pending = null;
      const token = { cancelled: false };
      this.token = token;
      try {
        if (job.kind === 'survey') await this.runSurvey(job.request, token);
        else await this.runSlice(job.request, token);
      } catch (error) {
        if (!token.cancelled) this.emit({ type: 'failed', id: job.request.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private async runSurvey(request: SurveyRequest, token: { cancelled: boolean }): Promise<void> {
    const { objective, shapes, revision } = this.currentModel();
    const checkpoints = this.checkpoints.slice();
    const paramCount = landscapeParamCount(shapes);
    if (checkpoints.some((c) => c.weights.length !== paramCount)) throw new Error('the weights do not fit the model');
    const current = checkpoints[checkpoints.length - 1];
    const built = surveyPlaneBuild(request, checkpoints, shapes, this.config!.seed);
    const { spec } = built;
    const R = spec.resolution;
    const started = this.now();
    this.emit({ type: 'surveyStart', id: request.id, revision, step: current!.step, spec: specOut(spec), plane: built.info });
    const evaluator = landscapeEvaluator(objective, built.plane);
    let full: Float32Array | null = null;
    try {
      const alphaAxis = landscapeGridAxis(spec.alpha, R);
      const betaAxis = landscapeGridAxis(spec.beta, R);
      let display = new Float32Array(R * R);
      let chunkStarted = started;
      for await (const event of landscapeGridProgressive(evaluator, spec, { cancelled: () => token.cancelled })) {
        const elapsedMs = this.now() - started;
        if (event.kind === 'preview') {
          // The full grid starts as the preview, resampled; computed rows replace it as they come.
          display = Float32Array.from({ length: R * R }, (_, k) =>
            landscapeGridSample(event.spec, event.losses, alphaAxis[k % R]!, betaAxis[Math.floor(k / R)]!),
          );
          const preview = specOut(event.spec);
          this.emit({ type: 'surface', id: request.id, revision, phase: 'preview', spec: preview, values: event.losses.slice(), progress: 0, done: false, elapsedMs });
        } else {
          display.set(event.rows, event.rowStart * R);
          this.emit({ type: 'surface', id: request.id, revision, phase: 'full', spec: specOut(spec), values: display.slice(), progress: event.progress, done: event.done, elapsedMs });
          if (event.done) full = event.losses.slice();
        }
        // A surface that follows training runs at half duty, so training keeps its pace on machines
        // with few cores; one a person asked for (preempting) runs flat out.
        if (request.preempt) await yieldToMessages();
        else await new Promise((resolve) => setTimeout(resolve, Math.min(BACKGROUND_PAUSE_MAX_MS, this.now() - chunkStarted)));
        chunkStarted = this.now();
        if (token.cancelled) return;
      }
    } finally {
      evaluator.dispose();
    }
    if (!full || token.cancelled) return;
    // The path on the finished surface: each checkpoint's projection, true loss and surface loss.
    const projections = landscapeProject(built.flat, checkpoints.map((c) => c.weights));
    const losses = await landscapeCheckpointLosses(objective, checkpoints.map((c) => landscapeUnflatten(c.weights, shapes)));
    if (token.cancelled) return;
    const diagnostics = landscapeTrajectoryDiagnostics(projections, losses, spec, full);
    this.emit({
      type: 'path',
      id: request.id,
      revision,
      path: {
        steps: Int32Array.from(checkpoints, (c) => c.step),
        alpha: Float32Array.from(diagnostics, (d) => d.alpha),
        beta: Float32Array.from(diagnostics, (d) => d.beta),
        distance: Float32Array.from(diagnostics, (d) => d.distance),
        loss: Float32Array.from(diagnostics, (d) => d.loss),
        surfaceLoss: Float32Array.from(diagnostics, (d) => d.surfaceLoss),
      },
    });
  }

  private async runSlice(request: SliceRequest, token: { cancelled: boolean }): Promise<void> {
    const { objective, shapes, revision } = this.currentModel();
    const a = this.sliceEnd(request.from);
    const b = this.sliceEnd(request.to);
    const slice = await landscapeSlice(objective, landscapeUnflatten(a.weights, shapes), landscapeUnflatten(b.weights, shapes), {
      points: request.points,
      range: request.range,
    });
    if (token.cancelled) return;
    this.emit({
      type: 'slice',
      id: request.id,
      revision,
      slice: { ...slice, barrier: { ...slice.barrier }, labels: [a.label, b.label], steps: [a.step, b.step] },
    });
  }

  private sliceEnd(end: SliceEnd): { weights: Float32Array; label: string; step: number | null } {
    if (end.kind === 'weights') return { weights: end.weights, label: end.label, step: null };
    const checkpoint = end.kind === 'initial' ? this.checkpoints[0] : this.checkpoints[this.checkpoints.length - 1];
    if (!checkpoint) throw new Error('No weights yet: the slice appears once the model exists.');
    return { weights: checkpoint.weights, label: end.kind === 'initial' ? 'initial' : 'current', step: checkpoint.step };
  }
}
