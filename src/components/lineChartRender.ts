import * as d3 from 'd3';

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
  /** Set as the path's data-testid. */
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

export interface LineChartRenderer {
  update(series: readonly LineSeries[], view: LineChartView): void;
  dispose(): void;
}

const DEFAULT_MARGIN: LineChartMargin = { top: 10, right: 12, bottom: 28, left: 48 };
let clipCount = 0;

/** Log-axis labels: plain numbers from 0.001 to 10⁵, powers of ten (1e-6) beyond; d3's thinning kept. */
function logTickFormat(base: (d: d3.NumberValue) => string): (d: d3.NumberValue) => string {
  const exponent = d3.format('.0e');
  return (d) => {
    const label = base(d);
    const v = Math.abs(Number(d));
    return label !== '' && v !== 0 && (v < 1e-3 || v >= 1e5) ? exponent(Number(d)) : label;
  };
}

/** Smallest and largest drawable values over all series, and the last step. */
export function lineChartExtent(series: readonly LineSeries[], logScale: boolean): { lo: number; hi: number; maxStep: number } {
  let maxStep = 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (!Number.isFinite(v) || (logScale && v <= 0)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (s.steps.length > 0) maxStep = Math.max(maxStep, s.steps[s.steps.length - 1]!);
  }
  if (!Number.isFinite(lo)) [lo, hi] = logScale ? [0.01, 1] : [0, 1];
  // A flat curve still gets a visible range, relative to its size (telemetry values can be 1e-6).
  if (hi - lo <= 1e-9 * Math.max(Math.abs(hi), Math.abs(lo))) hi = lo === 0 ? 1 : lo + Math.abs(lo);
  return { lo, hi, maxStep };
}

/**
 * Draws step–value curves into an SVG with d3: axes, one path per series (keyed by name), optional
 * dots, end labels and a cursor. The owner calls update whenever the data or the view changes.
 */
export function lineChartCreate(svg: SVGSVGElement, width: number, height: number, options: LineChartOptions = {}): LineChartRenderer {
  const margin = { ...DEFAULT_MARGIN, ...options.margin };
  const root = d3.select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const xAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`);
  const yAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', width - margin.right)
    .attr('y', height - 2)
    .attr('text-anchor', 'end')
    .text(options.xLabel ?? 'step');
  if (options.yLabel) {
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', margin.left + 4)
      .attr('y', margin.top - 4)
      .text(options.yLabel);
  }
  const clipId = `line-chart-clip-${++clipCount}`;
  root
    .append('clipPath')
    .attr('id', clipId)
    .append('rect')
    .attr('x', margin.left)
    .attr('y', margin.top - 3)
    .attr('width', Math.max(0, width - margin.left - margin.right))
    .attr('height', Math.max(0, height - margin.top - margin.bottom + 6));
  const cursor = root.append('line').attr('class', 'chart-cursor');
  const lines = root.append('g').attr('class', 'lines').attr('clip-path', `url(#${clipId})`);
  const dots = root.append('g').attr('class', 'dots').attr('clip-path', `url(#${clipId})`);
  const labels = root.append('g').attr('class', 'line-labels');

  return {
    update(series, view) {
      const { logScale } = view;
      const extent = lineChartExtent(series, logScale);
      const { lo, maxStep } = extent;
      const cap = view.yMax;
      const hi = cap !== undefined && Number.isFinite(cap) && cap > lo ? Math.min(extent.hi, cap) : extent.hi;
      const x = d3
        .scaleLinear()
        .domain(view.xDomain ?? [0, maxStep])
        .range([margin.left, width - margin.right]);
      const zeroBased = view.zeroBased ?? true;
      const y = (logScale ? d3.scaleLog() : d3.scaleLinear())
        .domain(logScale ? [lo, hi] : [zeroBased ? Math.min(0, lo) : lo, hi])
        .range([height - margin.bottom, margin.top])
        .nice();
      xAxis.call(d3.axisBottom(x).ticks(options.xTicks ?? 5, 's'));
      const yTicks = options.yTicks ?? 5;
      yAxis.call(logScale ? d3.axisLeft(y).ticks(yTicks).tickFormat(logTickFormat(y.tickFormat(yTicks, '.3~g'))) : d3.axisLeft(y).ticks(yTicks, '.2'));
      const drawable = (s: LineSeries, i: number) => Number.isFinite(s.values[i]!) && (!logScale || s.values[i]! > 0);

      lines
        .selectAll<SVGPathElement, LineSeries>('path')
        .data(series, (s) => s.name)
        .join('path')
        .attr('fill', 'none')
        .attr('stroke', (s) => s.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
        .attr('data-series', (s) => s.name)
        .attr('data-testid', (s) => s.testId ?? null)
        .attr('d', (s) => {
          const line = d3
            .line<number>()
            .defined((i) => drawable(s, i))
            .curve(s.curve === 'step' ? d3.curveStepAfter : d3.curveLinear)
            .x((i) => x(s.steps[i]!))
            .y((i) => y(s.values[i]!));
          return line(d3.range(s.values.length));
        });

      const dotted = series.flatMap((s) =>
        s.markers ? d3.range(s.values.length).filter((i) => drawable(s, i)).map((i) => ({ s, i })) : [],
      );
      dots
        .selectAll<SVGCircleElement, { s: LineSeries; i: number }>('circle')
        .data(dotted)
        .join('circle')
        .attr('r', 2.5)
        .attr('fill', (d) => d.s.colour)
        .attr('cx', (d) => x(d.s.steps[d.i]!))
        .attr('cy', (d) => y(d.s.values[d.i]!));

      const labelled = series.flatMap((s) => {
        const last = d3.range(s.values.length).reverse().find((i) => drawable(s, i));
        return s.label !== undefined && last !== undefined ? [{ s, i: last, text: s.label }] : [];
      });
      labels
        .selectAll<SVGTextElement, { s: LineSeries; i: number; text: string }>('text')
        .data(labelled)
        .join('text')
        .attr('class', 'line-label')
        .attr('text-anchor', 'end')
        .attr('fill', (d) => d.s.colour)
        .attr('x', width - margin.right - 2)
        .attr('y', (d) => Math.max(margin.top + 8, y(Math.min(d.s.values[d.i]!, y.domain()[1]!)) - 4))
        .text((d) => d.text);

      const c = view.cursor;
      const showCursor = c !== undefined && c !== null && Number.isFinite(c);
      cursor
        .attr('display', showCursor ? null : 'none')
        .attr('x1', showCursor ? x(c) : 0)
        .attr('x2', showCursor ? x(c) : 0)
        .attr('y1', margin.top)
        .attr('y2', height - margin.bottom);
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
