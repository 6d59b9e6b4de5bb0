// Loss surfaces on a regular grid over a plane: one-shot, looped (the reference), and
// progressive (an 11×11 preview, then the full grid streamed in row chunks, cancellable).
//
// Layout everywhere: a grid of resolution R is a Float32Array of R·R losses, row-major with
// β along the rows and α along the columns: losses[i·R + j] = L(θ + α_j·d1 + β_i·d2), where
// α_j runs from alpha[0] to alpha[1] and β_i from beta[0] to beta[1], both ends included.
import type { LandscapePlane } from './params';
import { landscapeEvaluateLooped, type LandscapeEvaluator, type LandscapeObjective } from './evaluate';

export interface LandscapeGridSpec {
  /** Points per axis (R). */
  resolution: number;
  /** Range of α (columns), ends included. */
  alpha: readonly [number, number];
  /** Range of β (rows), ends included. */
  beta: readonly [number, number];
}

/** Li et al.'s default resolution, and the preview's. */
export const LANDSCAPE_RESOLUTION = 51;
export const LANDSCAPE_PREVIEW_RESOLUTION = 11;

/** The square [−r, r]² at resolution R. */
export function landscapeGridSquare(radius = 1, resolution = LANDSCAPE_RESOLUTION): LandscapeGridSpec {
  return { resolution, alpha: [-radius, radius], beta: [-radius, radius] };
}

/** The same ranges at another resolution (for the preview). */
export function landscapeGridResized(spec: LandscapeGridSpec, resolution: number): LandscapeGridSpec {
  return { resolution, alpha: spec.alpha, beta: spec.beta };
}

/** R evenly spaced coordinates from range[0] to range[1] (the midpoint when R is 1), as float32. */
export function landscapeGridAxis(range: readonly [number, number], resolution: number): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 1) throw new Error(`invalid grid resolution: ${resolution}`);
  const [lo, hi] = range;
  if (resolution === 1) return Float32Array.of((lo + hi) / 2);
  return Float32Array.from({ length: resolution }, (_, k) => lo + ((hi - lo) * k) / (resolution - 1));
}

/** The (α, β) of every grid point in rows [rowStart, rowEnd), in the grid's row-major order. */
export function landscapeGridPoints(spec: LandscapeGridSpec, rowStart = 0, rowEnd = spec.resolution): { alphas: Float32Array; betas: Float32Array } {
  const alphaAxis = landscapeGridAxis(spec.alpha, spec.resolution);
  const betaAxis = landscapeGridAxis(spec.beta, spec.resolution);
  const count = (rowEnd - rowStart) * spec.resolution;
  const alphas = new Float32Array(count);
  const betas = new Float32Array(count);
  for (let i = rowStart; i < rowEnd; i++) {
    for (let j = 0; j < spec.resolution; j++) {
      const k = (i - rowStart) * spec.resolution + j;
      alphas[k] = alphaAxis[j]!;
      betas[k] = betaAxis[i]!;
    }
  }
  return { alphas, betas };
}

/** The whole grid in one call, batched by the evaluator. */
export async function landscapeGrid(evaluator: LandscapeEvaluator, spec: LandscapeGridSpec): Promise<Float32Array> {
  const { alphas, betas } = landscapeGridPoints(spec);
  return evaluator.evaluate(alphas, betas);
}

/** The whole grid with one forward pass per point: the reference for tests and benchmarks. */
export async function landscapeGridLooped(objective: LandscapeObjective, plane: LandscapePlane, spec: LandscapeGridSpec): Promise<Float32Array> {
  const { alphas, betas } = landscapeGridPoints(spec);
  return landscapeEvaluateLooped(objective, plane, alphas, betas);
}

export type LandscapeGridEvent =
  | {
      kind: 'preview';
      spec: LandscapeGridSpec;
      /** The complete preview grid (previewResolution²), row-major as above. */
      losses: Float32Array;
    }
  | {
      kind: 'rows';
      spec: LandscapeGridSpec;
      /** The rows just computed: [rowStart, rowEnd). */
      rowStart: number;
      rowEnd: number;
      /** Their losses only, (rowEnd − rowStart)·R values; a fresh array, safe to transfer. */
      rows: Float32Array;
      /**
       * The full grid so far, NaN where not yet computed. The same array in every event, filled
       * in place: copy it before transferring it to another thread.
       */
      losses: Float32Array;
      /** Fraction of the full grid done, in (0, 1]. */
      progress: number;
      done: boolean;
    };

export interface LandscapeProgressiveOptions {
  /** Resolution of the preview sent first; 0 skips it. Default 11. Skipped when ≥ the grid's. */
  previewResolution?: number;
  /** Rows per streamed chunk. Default: as many as fill one evaluator chunk (at least one row). */
  rowsPerChunk?: number;
  /** Checked between chunks; when aborted the generator stops without another event. */
  signal?: AbortSignal;
  /** Also checked between chunks; true stops the generator. */
  cancelled?: () => boolean;
}

/**
 * Streams a surface: first the preview grid, then the full grid a few rows at a time. Stops
 * quietly when cancelled (the last event then has done: false). The caller owns the evaluator and
 * disposes it afterwards, also after a cancel or a `break` out of `for await`.
 */
export async function* landscapeGridProgressive(
  evaluator: LandscapeEvaluator,
  spec: LandscapeGridSpec,
  options: LandscapeProgressiveOptions = {},
): AsyncGenerator<LandscapeGridEvent, void, undefined> {
  const stop = (): boolean => (options.signal?.aborted ?? false) || (options.cancelled?.() ?? false);
  const R = spec.resolution;
  const previewResolution = options.previewResolution ?? LANDSCAPE_PREVIEW_RESOLUTION;
  if (previewResolution > 0 && previewResolution < R) {
    if (stop()) return;
    const preview = landscapeGridResized(spec, previewResolution);
    const losses = await landscapeGrid(evaluator, preview);
    if (stop()) return;
    yield { kind: 'preview', spec: preview, losses };
  }
  const rowsPerChunk = Math.max(1, Math.floor(options.rowsPerChunk ?? evaluator.chunkSize / R));
  const losses = new Float32Array(R * R).fill(Number.NaN);
  for (let rowStart = 0; rowStart < R; rowStart += rowsPerChunk) {
    if (stop()) return;
    const rowEnd = Math.min(R, rowStart + rowsPerChunk);
    const { alphas, betas } = landscapeGridPoints(spec, rowStart, rowEnd);
    const rows = await evaluator.evaluate(alphas, betas);
    if (stop()) return;
    losses.set(rows, rowStart * R);
    yield { kind: 'rows', spec, rowStart, rowEnd, rows, losses, progress: rowEnd / R, done: rowEnd === R };
  }
}
