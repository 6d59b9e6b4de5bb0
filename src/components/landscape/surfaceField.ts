// The numbers behind a drawn surface, apart from any drawing: the height field (loss or log loss,
// clipped so one huge corner does not flatten the rest), colours from viridis, contour levels,
// and bilinear sampling of the grid at any (α, β).
import { rgb } from 'd3-color';
import { contours } from 'd3-contour';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { SurfaceSpec } from '../../workers/surveyorProtocol';

export interface HeightField {
  /** The transformed, clipped values, row-major like the grid. */
  heights: Float32Array;
  /** Range of `heights` (lo < hi). */
  lo: number;
  hi: number;
  /** The transform applied to a loss before clipping. */
  transform: (loss: number) => number;
  /** Some values lay above `hi` and were clipped. */
  clipped: boolean;
}

const LOG_FLOOR = 1e-6;

/**
 * Heights for display: the loss (or log₁₀ of it), clipped at the 98th percentile when the top 2 %
 * stretch the range by more than half again, so the shape near the centre stays visible.
 */
export function heightField(values: ArrayLike<number>, logHeight: boolean): HeightField {
  return heightFieldsShared([values], logHeight)[0]!;
}

/** A grid through the height transform (NaN where not finite), and its finite heights in ascending order. */
interface Transformed {
  heights: Float32Array;
  sorted: Float32Array;
}

// Grids are never changed once made (each surface arrives as a new array), so their transformed
// and sorted heights are kept by identity: a comparison's four grids share one scale, and a new
// grid for one run re-sorts only its own values, not every run's.
const transformedOf = new WeakMap<object, { plain?: Transformed; log?: Transformed }>();

function transformGrid(values: ArrayLike<number>, logHeight: boolean, transform: (loss: number) => number): Transformed {
  const key = logHeight ? 'log' : 'plain';
  const cached = transformedOf.get(values as object)?.[key];
  if (cached) return cached;
  const heights = new Float32Array(values.length);
  let finite = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    heights[k] = Number.isFinite(v) ? transform(v) : Number.NaN;
    // A loss beyond float32's range is as missing as a non-finite one.
    if (Number.isFinite(heights[k]!)) finite++;
    else heights[k] = Number.NaN;
  }
  const sorted = new Float32Array(finite);
  let n = 0;
  for (let k = 0; k < heights.length; k++) if (!Number.isNaN(heights[k]!)) sorted[n++] = heights[k]!;
  sorted.sort(); // a typed array sorts numerically, natively
  const result = { heights, sorted };
  transformedOf.set(values as object, { ...transformedOf.get(values as object), [key]: result });
  return result;
}

/** The union of ascending arrays, ascending. */
function mergeSorted(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all.sort();
}

/**
 * One height field per grid, all on ONE scale: the range (and the clipping) is taken over every
 * grid's values together, so equal heights and colours mean equal losses across the grids.
 */
export function heightFieldsShared(grids: readonly ArrayLike<number>[], logHeight: boolean): HeightField[] {
  const transform = logHeight ? (v: number) => Math.log10(Math.max(v, LOG_FLOOR)) : (v: number) => v;
  const transformed = grids.map((values) => transformGrid(values, logHeight, transform));
  const sorted = mergeSorted(transformed.map((t) => t.sorted));
  if (sorted.length === 0) return transformed.map((t) => ({ heights: new Float32Array(t.heights.length), lo: 0, hi: 1, transform, clipped: false }));
  const lo = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const q = sorted[Math.min(sorted.length - 1, Math.floor(0.98 * (sorted.length - 1)))]!;
  const clipped = max - q > 0.5 * (q - lo) && q > lo;
  const top = clipped ? q : max;
  const hi = top > lo ? top : lo + 1;
  return transformed.map((t) => {
    const heights = new Float32Array(t.heights.length);
    for (let k = 0; k < heights.length; k++) {
      const v = t.heights[k]!;
      heights[k] = Number.isNaN(v) ? hi : Math.min(hi, v);
    }
    return { heights, lo, hi, transform, clipped };
  });
}

/**
 * heightFieldsShared that answers with the same field objects while the grids (by identity) and
 * the log setting stay the same: path points arrive far more often than surfaces, and new field
 * objects would make every renderer redraw the whole surface for each of them.
 */
export function heightFieldsMemo(): (grids: readonly ArrayLike<number>[], logHeight: boolean) => HeightField[] {
  let lastGrids: readonly ArrayLike<number>[] = [];
  let lastLog = false;
  let last: HeightField[] | null = null;
  return (grids, logHeight) => {
    if (last && logHeight === lastLog && grids.length === lastGrids.length && grids.every((g, k) => g === lastGrids[k])) return last;
    last = heightFieldsShared(grids, logHeight);
    lastGrids = [...grids];
    lastLog = logHeight;
    return last;
  };
}

/** A height as a fraction of the field's range, in [0, 1]. */
export function heightFraction(field: HeightField, height: number): number {
  return Math.min(1, Math.max(0, (height - field.lo) / (field.hi - field.lo)));
}

/** Entries in the viridis table: d3's viridis is a ramp of 256 colours, each taken for t in [k/256, (k+1)/256). */
const VIRIDIS_STEPS = 256;
let viridisTable: Float32Array | null = null;

/**
 * Viridis (perceptually uniform, readable in grey and with the common colour-vision deficiencies) as [r, g, b] in 0–1.
 * From a table of d3's viridis made once: d3 answers with a CSS string, and parsing one per
 * vertex (2 601 for each 51×51 surface) made garbage the main thread then had to collect.
 */
export function viridisRgb(t: number): [number, number, number] {
  if (!viridisTable) {
    viridisTable = new Float32Array(3 * VIRIDIS_STEPS);
    for (let k = 0; k < VIRIDIS_STEPS; k++) {
      const c = rgb(interpolateViridis((k + 0.5) / VIRIDIS_STEPS));
      viridisTable.set([c.r / 255, c.g / 255, c.b / 255], 3 * k);
    }
  }
  const k = 3 * Math.min(VIRIDIS_STEPS - 1, Math.floor(Math.max(0, Number.isNaN(t) ? 0 : t) * VIRIDIS_STEPS));
  return [viridisTable[k]!, viridisTable[k + 1]!, viridisTable[k + 2]!];
}

export function viridisCss(t: number): string {
  return interpolateViridis(Math.min(1, Math.max(0, t)));
}

/** `count` evenly spaced levels strictly inside (lo, hi). */
export function contourLevels(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * (k + 1)) / (count + 1));
}

/** The grid coordinate (column or row index, fractional) of a value along a range. */
export function gridIndex(range: readonly [number, number], resolution: number, value: number): number {
  const [a, b] = range;
  return b === a ? 0 : ((value - a) / (b - a)) * (resolution - 1);
}

/** The value along a range at a fractional grid index. */
export function gridValue(range: readonly [number, number], resolution: number, index: number): number {
  const [a, b] = range;
  return resolution <= 1 ? a : a + ((b - a) * index) / (resolution - 1);
}

/** Bilinear interpolation of a row-major grid at (α, β); NaN outside it. */
export function gridSample(spec: SurfaceSpec, values: ArrayLike<number>, alpha: number, beta: number): number {
  const R = spec.resolution;
  const x = gridIndex(spec.alpha, R, alpha);
  const y = gridIndex(spec.beta, R, beta);
  if (!(x >= -1e-9 && x <= R - 1 + 1e-9 && y >= -1e-9 && y <= R - 1 + 1e-9)) return Number.NaN;
  const j = Math.min(R - 2, Math.max(0, Math.floor(x)));
  const i = Math.min(R - 2, Math.max(0, Math.floor(y)));
  const tx = Math.min(1, Math.max(0, x - j));
  const ty = Math.min(1, Math.max(0, y - i));
  const at = (ii: number, jj: number): number => values[ii * R + jj]!;
  if (R < 2) return at(0, 0);
  return (1 - ty) * ((1 - tx) * at(i, j) + tx * at(i, j + 1)) + ty * ((1 - tx) * at(i + 1, j) + tx * at(i + 1, j + 1));
}

/**
 * Iso-lines of a grid at the given levels, as polylines in (α, β), from d3's marching squares.
 * d3 puts grid values at pixel centres, so a contour coordinate c is the grid index c − 0.5.
 */
export function contourLines(spec: SurfaceSpec, heights: ArrayLike<number>, levels: readonly number[]): { level: number; lines: [number, number][][] }[] {
  const R = spec.resolution;
  const generator = contours().size([R, R]).thresholds(levels as number[]).smooth(true);
  const toPlane = ([cx, cy]: number[]): [number, number] => [
    gridValue(spec.alpha, R, Math.min(R - 1, Math.max(0, cx! - 0.5))),
    gridValue(spec.beta, R, Math.min(R - 1, Math.max(0, cy! - 0.5))),
  ];
  return generator(Array.from(heights)).map((multi) => ({
    level: multi.value,
    lines: multi.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(toPlane))),
  }));
}
