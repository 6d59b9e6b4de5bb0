import { format } from 'd3-format';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

/** One step–value curve. */
export interface LineSeries {
  name: string;
  colour: string;
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
  dashed?: boolean;
  /** A dot at every point, for sparse series (one value every N steps). */
  markers?: boolean;
  /** `step`: hold each value until the next point (for piecewise-constant quantities). */
  curve?: 'linear' | 'step';
  /** Written beside the curve's last point. */
  label?: string;
  /** Names the curve for tests and the chart's `data-series` list (the name is used otherwise). */
  testId?: string;
}

export interface LineChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface LineChartOptions {
  margin?: Partial<LineChartMargin>;
  /** Under the x axis, right-aligned; default "step". */
  xLabel?: string;
  /** Above the y axis, left-aligned. */
  yLabel?: string;
  xTicks?: number;
  yTicks?: number;
}

export interface LineChartView {
  logScale: boolean;
  /** Fixed x domain; by default 0 to the last step drawn. */
  xDomain?: [number, number];
  /** On a linear scale, whether the y axis starts at zero (default true). */
  zeroBased?: boolean;
  /** A vertical rule at this step (e.g. the current step). */
  cursor?: number | null;
  /** Caps the top of the y axis; curves above it are clipped (a threshold going to ∞ as η → 0). */
  yMax?: number;
}

/** Room for tick labels below the plot, then the x-axis label on a line of its own under them. */
export const DEFAULT_MARGIN: LineChartMargin = { top: 10, right: 12, bottom: 32, left: 48 };

/** Smallest and largest drawable values over all series, and the last step. */
export function lineChartExtent(series: readonly LineSeries[], logScale: boolean): { lo: number; hi: number; maxStep: number } {
  let maxStep = 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (!Number.isFinite(v) || (logScale && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (s.steps.length > 0) maxStep = Math.max(maxStep, s.steps[s.steps.length - 1]!);
  }
  if (!Number.isFinite(lo)) [lo, hi] = logScale ? [0.01, 1] : [0, 1];
  // A flat curve still gets a visible range, relative to its size (telemetry values can be 1e-6).
  if (hi - lo <= 1e-9 * Math.max(Math.abs(hi), Math.abs(lo))) hi = lo === 0 ? 1 : lo + Math.abs(lo);
  return { lo, hi, maxStep };
}

/** Log-axis labels: plain numbers from 0.001 to 10⁵, powers of ten (1e-6) beyond; d3's thinning kept. */
function logTickFormat(base: (d: number) => string): (d: number) => string {
  const exponent = format('.0e');
  return (d) => {
    const label = base(d);
    const v = Math.abs(d);
    return label !== '' && v !== 0 && (v < 1e-3 || v >= 1e5) ? exponent(d) : label;
  };
}

export interface Tick {
  value: number;
  /** Position in chart coordinates. */
  at: number;
  label: string;
}

export interface LineChartScales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Plot area in chart coordinates. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Scales and ticks for a chart of `width`×`height`. Steps are whole numbers, so the x axis
 * gets whole-number ticks only (no "0.2 … 1.0" before the first steps are in).
 */
export function lineChartScales(series: readonly LineSeries[], view: LineChartView, width: number, height: number, options: LineChartOptions = {}): LineChartScales {
  const margin = { ...DEFAULT_MARGIN, ...options.margin };
  const { logScale } = view;
  const extent = lineChartExtent(series, logScale);
  const { lo, maxStep } = extent;
  const cap = view.yMax;
  const hi = cap !== undefined && Number.isFinite(cap) && cap > lo ? Math.min(extent.hi, cap) : extent.hi;
  const left = margin.left;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom;
  const x = scaleLinear()
    .domain(view.xDomain ?? [0, maxStep])
    .range([left, right]);
  const zeroBased = view.zeroBased ?? true;
  const y = (logScale ? scaleLog() : scaleLinear())
    .domain(logScale ? [lo, hi] : [zeroBased ? Math.min(0, lo) : lo, hi])
    .range([bottom, top])
    .nice();
  const xCount = options.xTicks ?? 5;
  // Trimmed SI: 0, 200, 1k, 1.5k (d3's default precision would write the 1 of a young run as "1.0").
  const xFormat = format('~s');
  const xTicks = x
    .ticks(xCount)
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, at: x(value), label: xFormat(value) }));
  const yCount = options.yTicks ?? 5;
  // From 1e5 on, exponent form: '~f' writes every digit of a diverging run's 3.5e32.
  const huge = Math.max(...y.domain().map(Math.abs)) >= 1e5;
  const yFormat = logScale ? logTickFormat(y.tickFormat(yCount, '.3~g')) : huge ? format('.2~e') : y.tickFormat(yCount, '~f');
  const yTicks = y.ticks(yCount).map((value) => ({ value, at: y(value), label: yFormat(value) }));
  return { x, y, xTicks, yTicks, left, right, top, bottom };
}

/** Horizontal extent of a label of width `width` anchored at `at` ('middle' or 'end'). */
export interface LabelBox {
  from: number;
  to: number;
}

/**
 * Which of the labels along one line to draw so that none overlaps another or a reserved box
 * (the axis label): kept greedily from the start, each at least `gap` from the last kept.
 */
export function labelsThatFit(boxes: readonly LabelBox[], reserved: readonly LabelBox[] = [], gap = 4): boolean[] {
  let lastEnd = -Infinity;
  return boxes.map((box) => {
    const clear = box.from >= lastEnd + gap && reserved.every((r) => box.to + gap <= r.from || box.from >= r.to + gap);
    if (clear) lastEnd = box.to;
    return clear;
  });
}

/**
 * The points of a dense curve worth drawing at `columns` pixel columns: in each column where
 * several points fall, the first, lowest, highest and last (in that order of index), so the
 * drawn line is the same to the pixel at a fraction of the segments. Sparse curves come back
 * whole. Returns indices into the series; points that are not `defined` (not finite, or not
 * positive on a log axis) are kept where they fall, since they break the line.
 */
export function decimateIndices(xs: (i: number) => number, ys: ArrayLike<number>, count: number, defined: (i: number) => boolean = (i) => Number.isFinite(ys[i]!)): number[] {
  const out: number[] = [];
  let column = Number.NaN;
  let first = -1;
  let low = -1;
  let high = -1;
  let last = -1;
  const flush = (): void => {
    if (first < 0) return;
    const picks = [first, low, high, last].filter((v, k, all) => v >= 0 && all.indexOf(v) === k).sort((a, b) => a - b);
    out.push(...picks);
    first = low = high = last = -1;
  };
  for (let i = 0; i < count; i++) {
    const v = ys[i]!;
    if (!defined(i)) {
      flush();
      out.push(i);
      column = Number.NaN;
      continue;
    }
    const c = Math.floor(xs(i));
    if (c !== column) {
      flush();
      column = c;
      first = low = high = last = i;
      continue;
    }
    if (v < ys[low]!) low = i;
    if (v > ys[high]!) high = i;
    last = i;
  }
  flush();
  return out;
}
