import { create } from 'zustand';
import type { BackendInfo } from '../workers/protocol';
import type { PlaneInfo, SliceResult, SurfacePath, SurfaceSpec } from '../workers/surveyorProtocol';
import { useConfigStore } from './configStore';

/** The surface on screen: the preview, or the full grid (rows not yet computed filled from the preview). */
export interface LandscapeSurface {
  id: number;
  revision: number;
  /** The training step of the weights it is centred on. */
  step: number;
  phase: 'preview' | 'full';
  spec: SurfaceSpec;
  /** Row-major losses, β along rows, α along columns. */
  values: Float32Array;
  min: number;
  max: number;
  /** The full grid is complete. */
  complete: boolean;
  plane: PlaneInfo;
  /** Time from the request's start to this grid, in the surveyor. */
  elapsedMs: number;
}

/** One run's surface and the path on it (a comparison shows one per run). */
export interface LandscapeRunView {
  surface: LandscapeSurface | null;
  path: SurfacePath | null;
}

export interface LandscapeState {
  backend: BackendInfo | null;
  /** A surface or slice is being computed, and how far along it is (0–1). */
  computing: boolean;
  progress: number;
  surface: LandscapeSurface | null;
  /** The trajectory on the shown surface, with its diagnostics. */
  path: SurfacePath | null;
  /** Every surveyed run's surface and path, by run index (entry 0 is `surface` and `path`). */
  runs: LandscapeRunView[];
  slice: (SliceResult & { id: number }) | null;
  /** Why the last request could not be met, in words. */
  error: string | null;
  /** Full surfaces completed since the page opened (the benchmark counts them). */
  completed: number;
  /** Bumped whenever the shown surface or path changes, for renderers. */
  version: number;
  /** The step of the latest weights sent to the surveyor. */
  checkpointStep: number | null;
}

export const useLandscapeStore = create<LandscapeState>(() => ({
  backend: null,
  computing: false,
  progress: 0,
  surface: null,
  path: null,
  runs: [],
  slice: null,
  error: null,
  completed: 0,
  version: 0,
  checkpointStep: null,
}));

/** Smallest and largest finite value. */
export function landscapeRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Forgets what was shown (a new experiment or a reset). */
export function landscapeStoreClear(): void {
  useLandscapeStore.setState((s) => ({ surface: null, path: null, runs: [], slice: null, error: null, computing: false, progress: 0, checkpointStep: null, version: s.version + 1 }));
}

/** What the landscape view shows, as plain data for the e2e tests and the benchmark. */
export interface LandscapeSnapshot {
  open: boolean;
  view: string;
  directions: string | null;
  /** Resolution, min and max of the grid on screen (0 and null when none). */
  resolution: number;
  min: number | null;
  max: number | null;
  complete: boolean;
  step: number | null;
  computing: boolean;
  progress: number;
  completed: number;
  explainedVariance: [number, number] | null;
  pathPoints: number;
  /** The path's last checkpoint (the current weights): its true loss and the surface's under it. */
  pathLast: { loss: number; surfaceLoss: number } | null;
  slicePoints: number;
  barrier: number | null;
  error: string | null;
  backend: string | null;
  lastSurfaceMs: number | null;
  checkpointStep: number | null;
  /** Each surveyed run's grid on screen (in a comparison, one per run). */
  runs: { run: number; resolution: number; min: number | null; max: number | null; complete: boolean; step: number | null; pathPoints: number }[];
  /** The one height and colour scale the runs' surfaces share: the loss range over all their grids. */
  scale: { zMin: number; zMax: number } | null;
}

/** The smallest and largest loss over several runs' grids (null when none is shown). */
export function landscapeSharedRange(runs: readonly LandscapeRunView[]): { zMin: number; zMax: number } | null {
  const shown = runs.flatMap((r) => (r.surface ? [r.surface] : []));
  if (shown.length === 0) return null;
  return { zMin: Math.min(...shown.map((s) => s.min)), zMax: Math.max(...shown.map((s) => s.max)) };
}

export function landscapeSnapshot(): LandscapeSnapshot {
  const s = useLandscapeStore.getState();
  const settings = useConfigStore.getState().config.landscape;
  const surface = s.surface;
  return {
    open: settings.open,
    view: settings.view,
    directions: surface?.plane.directions ?? null,
    resolution: surface?.spec.resolution ?? 0,
    min: surface ? surface.min : null,
    max: surface ? surface.max : null,
    complete: surface?.complete ?? false,
    step: surface?.step ?? null,
    computing: s.computing,
    progress: s.progress,
    completed: s.completed,
    explainedVariance: surface?.plane.explainedVariance ?? null,
    pathPoints: s.path?.steps.length ?? 0,
    pathLast: s.path && s.path.steps.length > 0 ? { loss: s.path.loss.at(-1)!, surfaceLoss: s.path.surfaceLoss.at(-1)! } : null,
    slicePoints: s.slice?.alphas.length ?? 0,
    barrier: s.slice?.barrier.height ?? null,
    error: s.error,
    backend: s.backend?.name ?? null,
    lastSurfaceMs: surface?.complete ? surface.elapsedMs : null,
    checkpointStep: s.checkpointStep,
    runs: s.runs.flatMap((r, run) =>
      r.surface ? [{ run, resolution: r.surface.spec.resolution, min: r.surface.min, max: r.surface.max, complete: r.surface.complete, step: r.surface.step, pathPoints: r.path?.steps.length ?? 0 }] : [],
    ),
    scale: landscapeSharedRange(s.runs),
  };
}
