// The surveyor's logic: it keeps the run's data and its trajectory of weight checkpoints, and
// evaluates loss surfaces and 1-D slices on request, progressively and cancellably. Like
// TrainerSession it never knows it is in a worker: `emit` is its only way out.
import type { ExperimentConfig } from '../engine/config';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import type { DataTable } from '../engine/dataTable';
import { addonById } from '../losses/addons';
import { lossById } from '../losses/registry';
import { regressionLossById } from '../losses/regression/regressionLosses';
import { regressionLossAsSpec } from '../losses/regression/asLossSpec';
import { landscapeSlice, landscapeUnflatten, type LandscapeObjective, type LayerShape } from '../engine/landscape';
import { configRuns } from '../engine/config';
import type { Checkpoint } from './surveyorPlane';
import type { SliceEnd, SliceRequest, SurveyorEvent, SurveyRequest } from './surveyorProtocol';
import { surveyRun } from './surveyorSurvey';
import type { SurveyStrategy } from './surveyorEvaluator';
import { surveyorMoeObjective } from './surveyorMoe';
import { PreferenceSurvey } from './surveyorPreference';

/** Checkpoints kept per run; past it every other middle one is dropped, so coverage stays even. */
export const SURVEYOR_CHECKPOINT_CAPACITY = 200;

export type SurveyorEmit = (event: SurveyorEvent) => void;

type Job = { kind: 'survey'; request: SurveyRequest } | { kind: 'slice'; request: SliceRequest };

export interface SurveyorModel {
  objective: LandscapeObjective;
  shapes: LayerShape[];
  revision: number;
  /** Frees tensors the model holds itself (a preference run's π_ref log-probabilities); absent when the data holds them all. */
  dispose?: () => void;
}

export class SurveyorSession {
  private config: ExperimentConfig | null = null;
  private revision = 0;
  private data: TrainingData | null = null;
  /** Task 'preference': its problem's tensors, in the place of `data` (surveyorPreference.ts). */
  private preference: PreferenceSurvey | null = null;
  /** Task 'preference': each run's π_ref parameters, as the trainer sent them with its weights. */
  private references = new Map<number, Float32Array>();
  /** Per run: its objective differs from the others' only in the loss. */
  private models = new Map<number, SurveyorModel>();
  private stale = false;
  /** Each run's trajectory, keyed by its index in configRuns. */
  private checkpoints = new Map<number, Checkpoint[]>();
  private pending: Job | null = null;
  private running: Promise<void> | null = null;
  private token = { cancelled: false };
  private strategy: SurveyStrategy | null = null;
  /** Per run: the true loss at each checkpoint step computed so far (reset with the trajectory). */
  private pathLosses = new Map<number, Map<number, number>>();

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
    this.checkpoints = new Map();
    this.pathLosses = new Map();
    this.references = new Map();
    this.pending = null;
    this.token.cancelled = true;
  }

  /**
   * Records a run's weights at `step`; a step lower than its last means the run was reset.
   * `reference`: a preference run's π_ref parameters; new ones rebuild the run's objective.
   */
  checkpoint(revision: number, run: number, step: number, weights: Float32Array, reference?: Float32Array): void {
    if (revision !== this.revision) return;
    if (reference && !sameValues(reference, this.references.get(run))) {
      this.references.set(run, reference);
      // A survey in progress may still be evaluating the old objective: freed once it is done.
      const old = this.models.get(run);
      if (old?.dispose) void this.idle().then(old.dispose);
      this.models.delete(run);
      this.pathLosses.delete(run);
    }
    let trajectory = this.checkpoints.get(run) ?? [];
    const last = trajectory[trajectory.length - 1];
    if (last && step < last.step) {
      trajectory = [];
      this.pathLosses.delete(run);
    }
    if (last && step === last.step) trajectory.pop();
    trajectory.push({ step, weights });
    if (trajectory.length > SURVEYOR_CHECKPOINT_CAPACITY) trajectory = trajectory.filter((_, i, all) => i % 2 === 0 || i === all.length - 1);
    this.checkpoints.set(run, trajectory);
  }

  /** A run's checkpoints kept so far (oldest first). */
  trajectory(run = 0): readonly Checkpoint[] {
    return this.checkpoints.get(run) ?? [];
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

  /** A run's objective (its own loss) and the layer shapes, rebuilt if the config changed. */
  currentModel(run = 0): SurveyorModel {
    if (!this.config) throw new Error('the surveyor has no experiment yet');
    if (this.stale || (!this.data && !this.preference)) {
      this.disposeData();
      if (this.config.task === 'preference') this.preference = new PreferenceSurvey(this.config);
      else this.data = trainingDataCreate(this.config, this.table);
      this.stale = false;
    }
    const cached = this.models.get(run);
    if (cached) return cached;
    const model = this.preference ? this.preference.model(run, this.revision, this.references.get(run)) : surveyorModelBuild(this.config, this.data!, run, this.revision);
    this.models.set(run, model);
    return model;
  }

  /** The evaluation strategy surfaces use (null: the engine's default for the backend). */
  setStrategy(strategy: SurveyStrategy | null): void {
    this.strategy = strategy;
  }

  strategyInUse(): SurveyStrategy | null {
    return this.strategy;
  }

  /** After a backend switch: the data is made again, on the new backend, before the next job. */
  rebuild(): void {
    this.stale = true;
  }

  dispose(): void {
    this.cancel();
    this.disposeData();
  }

  private disposeData(): void {
    for (const model of this.models.values()) model.dispose?.();
    this.models = new Map();
    this.data?.dispose();
    this.data = null;
    this.preference?.dispose();
    this.preference = null;
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
    const context = {
      emit: this.emit,
      now: this.now,
      seed: this.config!.seed,
      strategy: this.strategy,
      model: (run: number) => this.currentModel(run),
      checkpoints: (run: number) => this.checkpoints.get(run) ?? [],
      pathLosses: (run: number) => {
        let known = this.pathLosses.get(run);
        if (!known) this.pathLosses.set(run, (known = new Map()));
        return known;
      },
    };
    await surveyRun(context, request, token);
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
    const run = end.run ?? 0;
    const trajectory = this.trajectory(run);
    const checkpoint = end.kind === 'initial' ? trajectory[0] : trajectory[trajectory.length - 1];
    if (!checkpoint) throw new Error('No weights yet: the slice appears once the model exists.');
    // In a comparison the ends are named by run; alone, by when.
    const label = this.config && this.config.compare.runs.length > 0 ? `run ${String.fromCharCode(65 + run)}` : end.kind;
    return { weights: checkpoint.weights, label, step: checkpoint.step };
  }
}

/** Run `run` of a config as the surveyor sees it: its objective (its own loss) over the data, and its layer shapes. */
export function surveyorModelBuild(config: ExperimentConfig, data: TrainingData, run: number, revision: number): SurveyorModel {
  const runConfig = configRuns(config)[run];
  if (!runConfig) throw new Error(`there is no run ${run}`);
  // A mixture routes between stacks of dense layers: its own evaluator (moeEvaluate.ts).
  if (runConfig.model.kind === 'moe') return { ...surveyorMoeObjective(runConfig, data), revision };
  const { classes } = data.dataset;
  const { id, params } = runConfig.loss;
  // A regression's objective: its own loss against the training targets encoded for it.
  const regression = data.regression ? { loss: regressionLossById(id), targets: data.regression.encoded(id, params, 'train') } : null;
  const outputs = regression ? regression.loss.outputs(params) : classes;
  const sizes = [data.inputs, ...Array.from({ length: runConfig.model.layers }, () => runConfig.model.width), outputs];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l]!, outputs }));
  const objective: LandscapeObjective = {
    activation: runConfig.model.activation,
    x: data.train.x,
    targets: regression ? regression.targets : data.train.targets,
    loss: regression ? regressionLossAsSpec(regression.loss) : lossById(id),
    params,
    context: { classes, classPriors: data.classPriors, step: 0, seed: runConfig.seed },
    penalty: { kind: runConfig.training.regularization, rate: runConfig.training.regularizationRate },
    // The add-ons are part of what training minimises (TrainingObjective.ofLogits), so of the surface too.
    addons: Object.entries(runConfig.loss.addons).map(([addon, addonParams]) => ({ spec: addonById(addon), params: addonParams })),
  };
  return { objective, shapes, revision };
}

function sameValues(a: Float32Array, b: Float32Array | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}
