// The messages between the main thread and the surveyor worker, which evaluates loss surfaces
// and 1-D slices beside training so that training never waits for it.
import type { DataTable } from '../engine/dataTable';
import type { ExperimentConfig, LandscapeDirections } from '../engine/config';
import { exhaustiveSwitchError, type BackendInfo, type BackendName } from './protocol';

/** The grid's ranges and resolution (the same layout as the engine's LandscapeGridSpec). */
export interface SurfaceSpec {
  resolution: number;
  alpha: [number, number];
  beta: [number, number];
}

export interface SurveyRequest {
  id: number;
  directions: LandscapeDirections;
  keepBias: boolean;
  range: number;
  resolution: number;
  /** True: abandon a surface in progress. False: let it finish, then survey the latest weights. */
  preempt: boolean;
  /** A live surface while training: no preview, no pauses between chunks (the client paces them). */
  live?: boolean;
  /**
   * The runs to survey (indices into configRuns), one after another: every run's preview first,
   * then each full grid. Random directions come from the same seed for every run.
   */
  runs: number[];
}

/**
 * One end of a 1-D slice: a run's first checkpoint, its latest one (run 0 when not named), or
 * given weights.
 */
export type SliceEnd = { kind: 'initial'; run?: number } | { kind: 'current'; run?: number } | { kind: 'weights'; weights: Float32Array; label: string };

export interface SliceRequest {
  id: number;
  from: SliceEnd;
  to: SliceEnd;
  points: number;
  range: [number, number];
}

/** What the plane is, for the captions. */
export interface PlaneInfo {
  directions: LandscapeDirections;
  /** PCA: the fraction of the path's variance along d1 and d2. */
  explainedVariance: [number, number] | null;
  /** Three solutions: where A (initial), B (middle checkpoint) and C (current) lie, and their steps. */
  solutions: { a: [number, number]; b: [number, number]; c: [number, number]; steps: [number, number, number] } | null;
  /** Where the current weights lie in (α, β). */
  current: [number, number];
}

/** The trajectory on the finished surface, with its honest diagnostics (one entry per checkpoint). */
export interface SurfacePath {
  steps: Int32Array;
  alpha: Float32Array;
  beta: Float32Array;
  /** Distance of each checkpoint from the plane. */
  distance: Float32Array;
  /** The true loss at each checkpoint, and the surface's under its drawn point (NaN off the grid). */
  loss: Float32Array;
  surfaceLoss: Float32Array;
}

export interface SliceResult {
  alphas: Float32Array;
  losses: Float32Array;
  lossA: number;
  lossB: number;
  barrier: { height: number; alpha: number };
  labels: [string, string];
  steps: [number | null, number | null];
}

/** `default`: the strategy the app uses on this backend (landscapeDefaultStrategy). */
export type SurveyorBenchMode = 'default' | 'batched' | 'perPoint' | 'stacked2d' | 'looped';

/** Main thread → surveyor. */
export type SurveyorCommand =
  | { type: 'init'; backend: BackendName | null }
  | { type: 'configure'; revision: number; config: ExperimentConfig; table: DataTable | null }
  /** `reference`: task 'preference', the run's π_ref parameters (its objective's reference policy). */
  | { type: 'checkpoint'; revision: number; run: number; step: number; weights: Float32Array; reference?: Float32Array }
  | { type: 'survey'; request: SurveyRequest }
  | { type: 'slice'; request: SliceRequest }
  | { type: 'cancel' }
  | { type: 'bench'; resolution: number; mode: SurveyorBenchMode }
  | { type: 'benchMatMul'; size: number; repeats: number };

/** Surveyor → main thread. Survey and slice events name the request and the config revision. */
export type SurveyorEvent =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'surveyStart'; id: number; revision: number; run: number; step: number; spec: SurfaceSpec; plane: PlaneInfo }
  | {
      type: 'surface';
      id: number;
      revision: number;
      run: number;
      /** The preview grid, or the full grid with the rows not yet computed filled from the preview. */
      phase: 'preview' | 'full';
      spec: SurfaceSpec;
      values: Float32Array;
      /** Fraction of the full grid computed. */
      progress: number;
      done: boolean;
      elapsedMs: number;
    }
  | { type: 'path'; id: number; revision: number; run: number; path: SurfacePath }
  | { type: 'slice'; id: number; revision: number; slice: SliceResult }
  | { type: 'failed'; id: number; message: string }
  | { type: 'error'; message: string }
  | { type: 'benchResult'; ms: number; points: number; strategy: string; usefulFlops: number; matMulFlops: number; examples: number }
  | { type: 'benchMatMulResult'; ms: number; flops: number };

/** The buffers of an event, to send as transferables. */
export function surveyorEventTransferables(event: SurveyorEvent): Transferable[] {
  switch (event.type) {
    case 'surface':
      return [event.values.buffer as ArrayBuffer];
    case 'path': {
      const p = event.path;
      return [p.steps, p.alpha, p.beta, p.distance, p.loss, p.surfaceLoss].map((a) => a.buffer as ArrayBuffer);
    }
    case 'slice':
      return [event.slice.alphas.buffer as ArrayBuffer, event.slice.losses.buffer as ArrayBuffer];
    case 'ready':
    case 'surveyStart':
    case 'failed':
    case 'error':
    case 'benchResult':
    case 'benchMatMulResult':
      return [];
    default:
      return exhaustiveSwitchError(event);
  }
}
