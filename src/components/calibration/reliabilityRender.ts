import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { axisTitlesCentred } from './axisTitles';
import type { CalibrationReport, ReliabilityBin } from '../../engine/metrics/calibration';

export const RELIABILITY_COLOURS = { accuracy: '#0072B2', gap: '#D55E00', empty: '#f3f4f6' } as const;

export interface ReliabilityRenderer {
  /** Draws the report's bins; null draws the empty frame (axes and diagonal). */
  update(report: CalibrationReport | null): void;
  dispose(): void;
}

const MARGIN = { top: 10, right: 10, bottom: 32, left: 40 };
let patternCount = 0;

interface BinDatum {
  bin: ReliabilityBin;
  index: number;
}

/** Bin edges as drawn: at least 2 px wide so equal-mass bins with tied confidences stay visible. */
function binX(x: ScaleLinear<number, number>, bin: ReliabilityBin): { left: number; width: number } {
  const left = x(bin.lower) + 0.5;
  const width = Math.max(2, x(bin.upper) - x(bin.lower) - 1);
  return { left, width };
}

function binTitle({ bin }: BinDatum): string {
  const range = `(${bin.lower.toFixed(3)}, ${bin.upper.toFixed(3)}]`;
  if (bin.count === 0 || bin.accuracy === null || bin.confidence === null) return `${range}: no examples`;
  return `${range}: ${bin.count} examples, accuracy ${bin.accuracy.toFixed(3)}, mean confidence ${bin.confidence.toFixed(3)}`;
}

/**
 * A reliability diagram (Guo et al. 2017, fig. 1): per bin, a bar up to the bin's accuracy, the
 * gap to its mean confidence hatched, and the diagonal of perfect calibration. Every bin gets one
 * `[data-bin]` bar; an empty bin is a pale column with no bar.
 */
export function reliabilityCreate(svg: SVGSVGElement, width: number, height: number): ReliabilityRenderer {
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const patternId = `reliability-gap-${++patternCount}`;
  root
    .append('defs')
    .append('pattern')
    .attr('id', patternId)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 5)
    .attr('height', 5)
    .attr('patternTransform', 'rotate(45)')
    .call((p) => p.append('rect').attr('width', 5).attr('height', 5).attr('fill', RELIABILITY_COLOURS.gap).attr('fill-opacity', 0.18))
    .call((p) => p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 5).attr('stroke', RELIABILITY_COLOURS.gap).attr('stroke-width', 2));

  const x = scaleLinear().domain([0, 1]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
  const empties = root.append('g').attr('class', 'reliability-empty');
  const bars = root.append('g').attr('class', 'reliability-bars');
  const gaps = root.append('g').attr('class', 'reliability-gaps');
  root
    .append('line')
    .attr('class', 'diagonal')
    .attr('x1', x(0))
    .attr('y1', y(0))
    .attr('x2', x(1))
    .attr('y2', y(1))
    .attr('stroke', 'currentColor')
    .attr('stroke-dasharray', '4 3')
    .attr('stroke-opacity', 0.6);
  root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`).call(axisBottom(x).ticks(5));
  root.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5));
  axisTitlesCentred(root, { width, height, margin: MARGIN }, { x: 'confidence', y: 'accuracy', yInset: 11 });

  return {
    update(report) {
      const data: BinDatum[] = (report?.bins ?? []).map((bin, index) => ({ bin, index }));
      root.attr('data-bins', data.length);
      const filled = (d: BinDatum) => d.bin.count > 0 && d.bin.accuracy !== null && d.bin.confidence !== null;

      empties
        .selectAll<SVGRectElement, BinDatum>('rect')
        .data(data.filter((d) => !filled(d)))
        .join('rect')
        .attr('x', (d) => binX(x, d.bin).left)
        .attr('width', (d) => binX(x, d.bin).width)
        .attr('y', y(1))
        .attr('height', y(0) - y(1))
        .attr('fill', RELIABILITY_COLOURS.empty);

      bars
        .selectAll<SVGRectElement, BinDatum>('rect')
        .data(data)
        .join('rect')
        .attr('data-bin', (d) => d.index)
        .attr('data-count', (d) => d.bin.count)
        .attr('data-empty', (d) => (filled(d) ? null : 'true'))
        .attr('x', (d) => binX(x, d.bin).left)
        .attr('width', (d) => binX(x, d.bin).width)
        .attr('y', (d) => y(d.bin.accuracy ?? 0))
        .attr('height', (d) => y(0) - y(d.bin.accuracy ?? 0))
        .attr('fill', RELIABILITY_COLOURS.accuracy)
        .attr('fill-opacity', 0.85)
        .selectAll('title')
        .data((d) => [d])
        .join('title')
        .text(binTitle);

      gaps
        .selectAll<SVGRectElement, BinDatum>('rect')
        .data(data.filter(filled))
        .join('rect')
        .attr('x', (d) => binX(x, d.bin).left)
        .attr('width', (d) => binX(x, d.bin).width)
        .attr('y', (d) => y(Math.max(d.bin.accuracy!, d.bin.confidence!)))
        .attr('height', (d) => Math.abs(y(d.bin.accuracy!) - y(d.bin.confidence!)))
        .attr('fill', `url(#${patternId})`)
        .attr('stroke', RELIABILITY_COLOURS.gap)
        .attr('stroke-width', 1);
    },
    dispose() {
      root.selectAll('*').remove();
    },
  };
}
