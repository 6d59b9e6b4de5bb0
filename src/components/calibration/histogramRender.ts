import { max } from 'd3-array';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { axisTitlesCentred } from './axisTitles';
import type { ConfidenceHistogram } from '../../engine/metrics/calibration';

export const HISTOGRAM_COLOURS = { correct: '#0072B2', wrong: '#E69F00', rule: '#14202e' } as const;

export interface HistogramMarks {
  /** Overall accuracy and mean confidence, drawn as vertical rules (their gap is the overconfidence). */
  accuracy: number;
  meanConfidence: number;
}

export interface HistogramRenderer {
  update(histogram: ConfidenceHistogram | null, marks: HistogramMarks | null): void;
  dispose(): void;
}

// The top margin holds the two rules' labels, one line each (a line and a half apart), above the bars.
const MARGIN = { top: 44, right: 10, bottom: 32, left: 40 };

interface BarDatum {
  index: number;
  lower: number;
  upper: number;
  correct: number;
  wrong: number;
}

/**
 * The confidence histogram: examples per top-label confidence bin, stacked as correct (below) and
 * wrong (above), with the accuracy and the mean confidence marked.
 */
export function histogramCreate(svg: SVGSVGElement, width: number, height: number): HistogramRenderer {
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const x = scaleLinear().domain([0, 1]).range([MARGIN.left, width - MARGIN.right]);
  const bars = root.append('g').attr('class', 'histogram-bars');
  const rules = root.append('g').attr('class', 'histogram-rules');
  root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`).call(axisBottom(x).ticks(5));
  const yAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`);
  // The y title along the y axis, clear of the rules' labels above the plot.
  axisTitlesCentred(root, { width, height, margin: MARGIN }, { x: 'confidence', y: 'examples', yInset: 12 });

  return {
    update(histogram, marks) {
      const data: BarDatum[] = histogram
        ? histogram.correct.map((correct, index) => ({
            index,
            lower: histogram.edges[index] ?? 0,
            upper: histogram.edges[index + 1] ?? 1,
            correct,
            wrong: histogram.wrong[index] ?? 0,
          }))
        : [];
      const top = Math.max(1, max(data, (d) => d.correct + d.wrong) ?? 1);
      const y = scaleLinear()
        .domain([0, top])
        .range([height - MARGIN.bottom, MARGIN.top])
        .nice();
      yAxis.call(axisLeft(y).ticks(4, 'd'));
      const left = (d: BarDatum) => x(d.lower) + 0.5;
      const barWidth = (d: BarDatum) => Math.max(1, x(d.upper) - x(d.lower) - 1);
      const stacked = data.flatMap((d) => [
        { d, kind: 'correct' as const, from: 0, to: d.correct },
        { d, kind: 'wrong' as const, from: d.correct, to: d.correct + d.wrong },
      ]);
      bars
        .selectAll<SVGRectElement, (typeof stacked)[number]>('rect')
        .data(stacked)
        .join('rect')
        .attr('data-kind', (s) => s.kind)
        .attr('x', (s) => left(s.d))
        .attr('width', (s) => barWidth(s.d))
        .attr('y', (s) => y(s.to))
        .attr('height', (s) => y(s.from) - y(s.to))
        .attr('fill', (s) => HISTOGRAM_COLOURS[s.kind])
        .selectAll('title')
        .data((s) => [s])
        .join('title')
        .text((s) => `(${s.d.lower.toFixed(2)}, ${s.d.upper.toFixed(2)}]: ${s.to - s.from} ${s.kind}`);

      const ruleData = marks
        ? [
            { name: 'accuracy', value: marks.accuracy, dashed: false },
            { name: 'mean confidence', value: marks.meanConfidence, dashed: true },
          ].filter((r) => Number.isFinite(r.value))
        : [];
      const rule = rules
        .selectAll<SVGGElement, (typeof ruleData)[number]>('g')
        .data(ruleData, (r) => r.name)
        .join((enter) => {
          const g = enter.append('g');
          g.append('line');
          g.append('text').attr('class', 'axis-label');
          return g;
        });
      rule
        .select('line')
        .attr('x1', (r) => x(r.value))
        .attr('x2', (r) => x(r.value))
        .attr('y1', MARGIN.top - 8)
        .attr('y2', height - MARGIN.bottom)
        .attr('stroke', HISTOGRAM_COLOURS.rule)
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', (r) => (r.dashed ? '4 3' : null));
      // Each label on its own line above the bars, on the roomier side of its rule: they meet
      // neither each other nor the bars, however close accuracy and confidence are.
      rule
        .select('text')
        .attr('x', (r) => x(r.value) + (r.value > 0.5 ? -3 : 3))
        .attr('y', (r) => (r.dashed ? 31 : 13))
        .attr('text-anchor', (r) => (r.value > 0.5 ? 'end' : 'start'))
        .text((r) => r.name);
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
