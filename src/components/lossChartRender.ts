import * as d3 from 'd3';

export interface ChartSeries {
  name: string;
  colour: string;
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
  dashed?: boolean;
}

export interface LossChartRenderer {
  update(series: readonly ChartSeries[], logScale: boolean): void;
  dispose(): void;
}

const MARGIN = { top: 10, right: 12, bottom: 28, left: 48 };

/** Draws step–value curves into an SVG with d3. The owner calls update on every frame. */
export function lossChartCreate(svg: SVGSVGElement, width: number, height: number): LossChartRenderer {
  const root = d3.select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const xAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`);
  const yAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', width - MARGIN.right)
    .attr('y', height - 2)
    .attr('text-anchor', 'end')
    .text('step');
  const lines = root.append('g').attr('class', 'lines');

  return {
    update(series, logScale) {
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
      if (hi - lo < 1e-9) hi = lo + (logScale ? lo : 1);
      const x = d3.scaleLinear().domain([0, maxStep]).range([MARGIN.left, width - MARGIN.right]);
      const y = (logScale ? d3.scaleLog() : d3.scaleLinear())
        .domain(logScale ? [lo, hi] : [Math.min(0, lo), hi])
        .range([height - MARGIN.bottom, MARGIN.top])
        .nice();
      xAxis.call(d3.axisBottom(x).ticks(5, 's'));
      yAxis.call(d3.axisLeft(y).ticks(5, logScale ? '.1' : '.2'));
      lines
        .selectAll<SVGPathElement, ChartSeries>('path')
        .data(series, (s) => s.name)
        .join('path')
        .attr('fill', 'none')
        .attr('stroke', (s) => s.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
        .attr('data-series', (s) => s.name)
        .attr('d', (s) => {
          const line = d3
            .line<number>()
            .defined((i) => Number.isFinite(s.values[i]!) && (!logScale || s.values[i]! > 0))
            .x((i) => x(s.steps[i]!))
            .y((i) => y(s.values[i]!));
          return line(d3.range(s.values.length));
        });
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
