import { axisBottom, axisLeft } from 'd3-axis';
import { quantileSorted, range } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { LossShapeCurve } from '../losses/lossShape';
import { lossShapeMargins } from './lossShapeSize';

export interface ShapeSeries {
  name: string;
  colour: string;
  curve: LossShapeCurve;
  dashed: boolean;
}

/** The chart's size on screen and its type size, both in CSS pixels (lossShapeSize.ts). */
export interface ShapeFrame {
  width: number;
  height: number;
  font: number;
}

export interface LossShapeRenderer {
  /** `xLabels`: the x-axis label, longest first; each panel shows the first that fits its width. */
  update(series: readonly ShapeSeries[], xLabels: readonly string[], frame: ShapeFrame): void;
  dispose(): void;
}

/** Writes a label with TeX-like subscripts ("p_y") as SVG text, the subscript as a lowered tspan. */
export function labelWithSubscripts(text: Selection<SVGTextElement, unknown, null, undefined>, label: string): void {
  text.text(null);
  for (const [k, part] of label.split(/_(\w)/).entries()) {
    if (part === '') continue;
    const span = text.append('tspan').text(part);
    if (k % 2 === 1) span.attr('baseline-shift', 'sub').attr('font-size', '80%');
  }
}

/** Writes the first of `labels` (longest first) no wider than `width`, else the last; returns its width. */
function labelFit(text: Selection<SVGTextElement, unknown, null, undefined>, labels: readonly string[], width: number): number {
  let length = 0;
  for (const label of labels) {
    labelWithSubscripts(text, label);
    length = text.node()?.getComputedTextLength() ?? 0;
    if (length <= width) break;
  }
  return length;
}

/**
 * Two panels side by side: ℓ(x) and dℓ/dx, with a zero line on the derivative. The SVG is drawn
 * at its size on screen (its viewBox is its pixel size), so the type the style sheet sets is the
 * type the reader sees, however large or small the chart is.
 */
export function lossShapeCreate(svg: SVGSVGElement): LossShapeRenderer {
  const root = select(svg).attr('role', 'img');
  const panels = (['loss', 'derivative'] as const).map((kind) => {
    const g = root.append('g').attr('data-panel', kind);
    const title = g.append('text').attr('class', 'axis-label');
    const xAxis = g.append('g').attr('class', 'axis');
    const yAxis = g.append('g').attr('class', 'axis');
    const zero = g.append('line').attr('stroke', '#aab2bd').attr('stroke-dasharray', '2 2');
    const label = g.append('text').attr('class', 'axis-label').attr('text-anchor', 'end');
    const lines = g.append('g');
    return { kind, g, title, xAxis, yAxis, zero, label, lines };
  });

  return {
    update(series, xLabels, { width, height, font }) {
      root.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
      const margin = lossShapeMargins(font);
      const panelWidth = width / 2;
      const plotWidth = Math.max(1, panelWidth - margin.left - margin.right);
      const plotHeight = Math.max(1, height - margin.top - margin.bottom);
      for (const [i, panel] of panels.entries()) {
        panel.g.attr('transform', `translate(${i * panelWidth},0)`);
        // The title from the y-axis on; in a narrow panel the short one, moved left as far as it must.
        const titleWidth = labelFit(panel.title, panel.kind === 'loss' ? ['loss ℓ'] : ['derivative dℓ/dx', 'dℓ/dx'], panelWidth - margin.left);
        panel.title.attr('x', Math.max(0, Math.min(margin.left, panelWidth - titleWidth))).attr('y', font);
        panel.xAxis.attr('transform', `translate(0,${height - margin.bottom})`);
        panel.yAxis.attr('transform', `translate(${margin.left},0)`);
        panel.label.attr('x', panelWidth - margin.right).attr('y', height - 0.75 * font);
        const pick = (s: ShapeSeries): number[] => (panel.kind === 'loss' ? s.curve.loss : s.curve.derivative);
        const all = series.flatMap(pick).filter(Number.isFinite);
        const xs = series[0]?.curve.x ?? [0, 1];
        const x = scaleLinear().domain([xs[0]!, xs[xs.length - 1]!]).range([margin.left, panelWidth - margin.right]);
        // Clip the y-range to robust quantiles: −log p runs to infinity at p → 0.
        const sorted = [...all].sort((a, b) => a - b);
        const lo = Math.min(0, quantileSorted(sorted, 0.02) ?? 0);
        const hi = Math.max(lo + 1e-6, quantileSorted(sorted, 0.98) ?? 1, 0);
        const y = scaleLinear().domain([lo, hi]).range([height - margin.bottom, margin.top]).nice().clamp(true);
        // As many ticks as the type leaves room for: a tick label is about three characters wide.
        panel.xAxis.call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / (3.5 * font)))));
        panel.yAxis.call(axisLeft(y).ticks(Math.max(2, Math.floor(plotHeight / (2 * font)))));
        labelFit(panel.label, xLabels, panelWidth - margin.right - font);
        panel.zero.attr('x1', margin.left).attr('x2', panelWidth - margin.right).attr('y1', y(0)).attr('y2', y(0));
        panel.lines
          .selectAll<SVGPathElement, ShapeSeries>('path')
          .data(series, (s) => s.name)
          .join('path')
          .attr('fill', 'none')
          .attr('stroke', (s) => s.colour)
          .attr('stroke-width', 2)
          .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
          .attr('data-series', (s) => s.name)
          .attr('d', (s) => {
            const values = pick(s);
            return line<number>()
              .defined((i) => Number.isFinite(values[i]!))
              .x((i) => x(s.curve.x[i]!))
              .y((i) => y(values[i]!))(range(values.length));
          });
      }
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
