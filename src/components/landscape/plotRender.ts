// A small d3 plot for the landscape's 1-D views: lines, marked points and vertical rules on
// linear axes. Used for the slice (loss along a line) and the path diagnostics.
import { extent } from 'd3-array';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';

export interface PlotLine {
  name: string;
  points: [number, number][];
  colour: string;
  dashed?: boolean;
}

export interface PlotMark {
  x: number;
  y: number;
  colour: string;
  label?: string;
}

export interface PlotData {
  lines: PlotLine[];
  marks?: PlotMark[];
  rules?: { x: number; label: string }[];
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
}

export interface PlotRenderer {
  update(data: PlotData): void;
  dispose(): void;
}

const MARGIN = { top: 14, right: 12, bottom: 32, left: 50 };

export function plotCreate(svg: SVGSVGElement, width: number, height: number): PlotRenderer {
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const x = scaleLinear().range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().range([height - MARGIN.bottom, MARGIN.top]);
  const xAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`);
  const yAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`);
  const rules = root.append('g');
  const lines = root.append('g').attr('fill', 'none');
  const marks = root.append('g');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('x', width - MARGIN.right).attr('y', height - 2).attr('text-anchor', 'end');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 10);

  return {
    update(data) {
      const xs = data.lines.flatMap((l) => l.points.map((p) => p[0]));
      const ys = [...data.lines.flatMap((l) => l.points.map((p) => p[1])), ...(data.marks ?? []).map((m) => m.y)].filter(Number.isFinite);
      const [x0, x1] = extent(xs);
      x.domain(data.xDomain ?? (x0 === undefined || x1 === undefined || x0 === x1 ? [x0 ?? 0, (x1 ?? 0) + 1] : [x0, x1]));
      const [lo, hi] = ys.length ? (extent(ys) as [number, number]) : [0, 1];
      const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
      y.domain([lo - pad, hi + pad]);
      xAxis.call(axisBottom(x).ticks(6));
      yAxis.call(axisLeft(y).ticks(5));
      xLabel.text(data.xLabel);
      yLabel.text(data.yLabel);
      const lineOf = line<[number, number]>()
        .defined((p) => Number.isFinite(p[1]))
        .x((p) => x(p[0]))
        .y((p) => y(p[1]));
      lines
        .selectAll('path')
        .data(data.lines)
        .join('path')
        .attr('data-series', (l) => l.name)
        .attr('stroke', (l) => l.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', (l) => (l.dashed ? '5 4' : null))
        .attr('d', (l) => lineOf(l.points));
      const ruleGroups = rules
        .selectAll('g')
        .data(data.rules ?? [])
        .join((enter) => {
          const g = enter.append('g');
          g.append('line').attr('stroke', '#aab2bd').attr('stroke-dasharray', '2 3');
          g.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
          return g;
        });
      ruleGroups
        .select('line')
        .attr('x1', (r) => x(r.x))
        .attr('x2', (r) => x(r.x))
        .attr('y1', MARGIN.top)
        .attr('y2', height - MARGIN.bottom);
      ruleGroups
        .select('text')
        .attr('x', (r) => x(r.x))
        .attr('y', MARGIN.top - 3)
        .text((r) => r.label);
      const markGroups = marks
        .selectAll('g')
        .data(data.marks ?? [])
        .join((enter) => {
          const g = enter.append('g');
          g.append('circle').attr('r', 4.5).attr('stroke', '#fff').attr('stroke-width', 1.5);
          g.append('text').attr('class', 'line-label').attr('dx', 7).attr('dy', -6);
          return g;
        });
      markGroups.attr('transform', (m) => `translate(${x(m.x)},${y(m.y)})`);
      markGroups.select('circle').attr('fill', (m) => m.colour);
      markGroups
        .select('text')
        .attr('fill', (m) => m.colour)
        .text((m) => m.label ?? '');
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
