import { axisBottom, axisLeft } from 'd3-axis';
import { quantileSorted, range } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { LossShapeCurve } from '../losses/lossShape';

export interface ShapeSeries {
  name: string;
  colour: string;
  curve: LossShapeCurve;
  dashed: boolean;
}

export interface LossShapeRenderer {
  update(series: readonly ShapeSeries[], xLabel: string): void;
  dispose(): void;
}

// The bottom margin holds the tick labels and, under them, the axis label.
const MARGIN = { top: 18, right: 12, bottom: 42, left: 44 };

/** Writes a label with TeX-like subscripts ("p_y") as SVG text, the subscript as a lowered tspan. */
export function labelWithSubscripts(text: Selection<SVGTextElement, unknown, null, undefined>, label: string): void {
  text.text(null);
  for (const [k, part] of label.split(/_(\w)/).entries()) {
    if (part === '') continue;
    const span = text.append('tspan').text(part);
    if (k % 2 === 1) span.attr('baseline-shift', 'sub').attr('font-size', '80%');
  }
}

/** Two panels side by side: ℓ(x) and dℓ/dx, with a zero line on the derivative. */
export function lossShapeCreate(svg: SVGSVGElement, width: number, height: number): LossShapeRenderer {
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const panelWidth = width / 2;
  const panels = (['loss', 'derivative'] as const).map((kind, i) => {
    const g = root.append('g').attr('transform', `translate(${i * panelWidth},0)`).attr('data-panel', kind);
    g.append('text').attr('class', 'axis-label').attr('x', MARGIN.left).attr('y', 12).text(kind === 'loss' ? 'loss ℓ' : 'derivative dℓ/dx');
    const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`);
    const yAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`);
    const zero = g.append('line').attr('stroke', '#aab2bd').attr('stroke-dasharray', '2 2');
    const label = g.append('text').attr('class', 'axis-label').attr('x', panelWidth - MARGIN.right).attr('y', height - 9).attr('text-anchor', 'end');
    const lines = g.append('g');
    return { kind, xAxis, yAxis, zero, label, lines };
  });

  return {
    update(series, xLabel) {
      for (const panel of panels) {
        const pick = (s: ShapeSeries): number[] => (panel.kind === 'loss' ? s.curve.loss : s.curve.derivative);
        const all = series.flatMap(pick).filter(Number.isFinite);
        const xs = series[0]?.curve.x ?? [0, 1];
        const x = scaleLinear().domain([xs[0]!, xs[xs.length - 1]!]).range([MARGIN.left, panelWidth - MARGIN.right]);
        // Clip the y-range to robust quantiles: −log p runs to infinity at p → 0.
        const sorted = [...all].sort((a, b) => a - b);
        const lo = Math.min(0, quantileSorted(sorted, 0.02) ?? 0);
        const hi = Math.max(lo + 1e-6, quantileSorted(sorted, 0.98) ?? 1, 0);
        const y = scaleLinear().domain([lo, hi]).range([height - MARGIN.bottom, MARGIN.top]).nice().clamp(true);
        panel.xAxis.call(axisBottom(x).ticks(5));
        panel.yAxis.call(axisLeft(y).ticks(5));
        labelWithSubscripts(panel.label, xLabel);
        panel.zero.attr('x1', MARGIN.left).attr('x2', panelWidth - MARGIN.right).attr('y1', y(0)).attr('y2', y(0));
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
