import type { Selection } from 'd3-selection';

export interface PlotMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The calibration charts' axis titles: x centred under the plot at the bottom edge, y rotated and
 * centred along the left edge, `yInset` pixels in so it clears the tick labels.
 */
export function axisTitlesCentred(
  root: Selection<SVGSVGElement, unknown, null, undefined>,
  size: { width: number; height: number; margin: PlotMargin },
  titles: { x: string; y: string; yInset: number },
): void {
  const { width, height, margin } = size;
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (margin.left + width - margin.right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .text(titles.x);
  root
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(${titles.yInset},${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(titles.y);
}
