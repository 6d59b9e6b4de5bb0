// One survey over one or more runs: each run's plane (built with the same seed), its preview,
// then its full grid and the path on it. Every run's preview comes first, so a comparison shows
// all its surfaces at once before the slow part; the full grids follow one run at a time.
import {
  landscapeCheckpointLosses,
  landscapeGridAxis,
  landscapeGridProgressive,
  landscapeGridSample,
  landscapeParamCount,
  landscapeProject,
  landscapeTrajectoryDiagnostics,
  landscapeUnflatten,
  type LandscapeEvaluator,
  type LandscapeGridEvent,
  type LandscapeGridSpec,
} from '../engine/landscape';
import { surveyPlaneBuild, type Checkpoint, type SurveyPlane } from './surveyorPlane';
import type { SurfaceSpec, SurveyorEvent, SurveyRequest } from './surveyorProtocol';
import type { SurveyorModel } from './surveyorSession';
import { yieldToMessages } from './yieldToMessages';
import { surveyEvaluator, type SurveyStrategy } from './surveyorEvaluator';

/** Longest pause between the chunks of a surface that follows training. */
const BACKGROUND_PAUSE_MAX_MS = 200;

export interface SurveyContext {
  emit: (event: SurveyorEvent) => void;
  now: () => number;
  seed: number;
  /** How surfaces are evaluated (chosen by timing; null: the engine's default for the backend). */
  strategy: SurveyStrategy | null;
  /** The run's objective and shapes (its own loss), and its checkpoints so far. */
  model: (run: number) => SurveyorModel;
  checkpoints: (run: number) => Checkpoint[];
  /**
   * A run's true loss at each checkpoint step already computed (the same for every plane), so a
   * live surface computes only its new checkpoints' losses; optional.
   */
  pathLosses?: (run: number) => Map<number, number>;
}

export function surveySpecOut(spec: LandscapeGridSpec): SurfaceSpec {
  return { resolution: spec.resolution, alpha: [spec.alpha[0], spec.alpha[1]], beta: [spec.beta[0], spec.beta[1]] };
}

interface RunSurvey {
  run: number;
  model: SurveyorModel;
  checkpoints: Checkpoint[];
  built: SurveyPlane;
  evaluator: LandscapeEvaluator;
  events: AsyncGenerator<LandscapeGridEvent, void, undefined>;
  /** The full grid as shown: the preview resampled, computed rows replacing it as they come. */
  display: Float32Array;
  full: Float32Array | null;
}

export async function surveyRun(context: SurveyContext, request: SurveyRequest, token: { cancelled: boolean }): Promise<void> {
  const { emit, now } = context;
  const started = now();
  const surveys: RunSurvey[] = [];
  try {
    for (const run of request.runs) {
      const model = context.model(run);
      const checkpoints = context.checkpoints(run).slice();
      const paramCount = landscapeParamCount(model.shapes);
      if (checkpoints.some((c) => c.weights.length !== paramCount)) throw new Error('the weights do not fit the model');
      const built = surveyPlaneBuild(request, checkpoints, model.shapes, context.seed);
      const R = built.spec.resolution;
      emit({ type: 'surveyStart', id: request.id, revision: model.revision, run, step: checkpoints[checkpoints.length - 1]!.step, spec: surveySpecOut(built.spec), plane: built.info });
      const evaluator = surveyEvaluator(model.objective, built.plane, context.strategy);
      const events = landscapeGridProgressive(evaluator, built.spec, { cancelled: () => token.cancelled, ...(request.live ? { previewResolution: 0 } : {}) });
      surveys.push({ run, model, checkpoints, built, evaluator, events, display: new Float32Array(R * R), full: null });
    }
    let chunkStarted = started;
    /** Emits the next grid event of a run; false when its grid has ended (finished or cancelled). */
    const advance = async (survey: RunSurvey): Promise<boolean> => {
      const next = await survey.events.next();
      if (next.done || token.cancelled) return false;
      const event = next.value;
      const { run, model, built } = survey;
      const { spec } = built;
      const R = spec.resolution;
      const elapsedMs = now() - started;
      if (event.kind === 'preview') {
        const alphaAxis = landscapeGridAxis(spec.alpha, R);
        const betaAxis = landscapeGridAxis(spec.beta, R);
        survey.display = Float32Array.from({ length: R * R }, (_, k) => landscapeGridSample(event.spec, event.losses, alphaAxis[k % R]!, betaAxis[Math.floor(k / R)]!));
        emit({ type: 'surface', id: request.id, revision: model.revision, run, phase: 'preview', spec: surveySpecOut(event.spec), values: event.losses.slice(), progress: 0, done: false, elapsedMs });
      } else {
        survey.display.set(event.rows, event.rowStart * R);
        emit({ type: 'surface', id: request.id, revision: model.revision, run, phase: 'full', spec: surveySpecOut(spec), values: survey.display.slice(), progress: event.progress, done: event.done, elapsedMs });
        if (event.done) survey.full = event.losses.slice();
      }
      // A surface that follows training runs at half duty, so training keeps its pace on machines
      // with few cores; one a person asked for (preempting) runs flat out, and so does a live one,
      // whose pace the client sets from training's measured speed (landscapeCadence.ts).
      if (request.preempt || request.live) await yieldToMessages();
      else await new Promise((resolve) => setTimeout(resolve, Math.min(BACKGROUND_PAUSE_MAX_MS, now() - chunkStarted)));
      chunkStarted = now();
      return !token.cancelled;
    };
    // Every run's first event (its preview, when the grid is finer than one) before any full grid.
    for (const survey of surveys) {
      await advance(survey);
      if (token.cancelled) return;
    }
    for (const survey of surveys) {
      while (!survey.full && (await advance(survey)));
      if (token.cancelled) return;
      if (survey.full) await surveyPath(context, request.id, survey, token);
      if (token.cancelled) return;
    }
  } finally {
    for (const survey of surveys) {
      survey.evaluator.dispose();
      void survey.events.return();
    }
  }
}

/** The path on a finished surface: each checkpoint's projection, true loss and surface loss. */
async function surveyPath(context: SurveyContext, id: number, survey: RunSurvey, token: { cancelled: boolean }): Promise<void> {
  const { model, checkpoints, built, full, run } = survey;
  if (!full) return;
  const projections = landscapeProject(built.flat, checkpoints.map((c) => c.weights));
  const known = context.pathLosses?.(run) ?? new Map<number, number>();
  const missing = checkpoints.filter((c) => !known.has(c.step));
  const computed = await landscapeCheckpointLosses(model.objective, missing.map((c) => landscapeUnflatten(c.weights, model.shapes)));
  if (token.cancelled) return;
  missing.forEach((c, k) => known.set(c.step, computed[k]!));
  const losses = Float32Array.from(checkpoints, (c) => known.get(c.step)!);
  const diagnostics = landscapeTrajectoryDiagnostics(projections, losses, built.spec, full);
  context.emit({
    type: 'path',
    id,
    revision: model.revision,
    run,
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
