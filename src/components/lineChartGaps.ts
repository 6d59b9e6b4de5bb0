/**
 * A straight segment across a long gap looks like measured data. When a quantity is measured
 * rarely (validation on a slow machine, several runs sharing the evaluation time), the points
 * that border a gap wider than this share of the chart's step range get a dot, so the chart shows
 * where the measurements are and the reader sees the line between them is only a join. A series
 * measured evenly at 20 points or fewer across the chart therefore has a dot on every point.
 */
export const GAP_SHARE = 1 / 20;

/**
 * Indices (ascending) of the points of a series to mark: both ends of every gap between
 * consecutive defined points wider than `GAP_SHARE` of `span` steps, and a lone defined point
 * (which draws no line at all).
 */
export function gapMarkerIndices(steps: ArrayLike<number>, defined: (i: number) => boolean, n: number, span: number): number[] {
  const marked = new Set<number>();
  const limit = span * GAP_SHARE;
  let previous = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!defined(i)) continue;
    count++;
    if (previous >= 0 && steps[i]! - steps[previous]! > limit) {
      marked.add(previous);
      marked.add(i);
    }
    previous = i;
  }
  if (count === 1 && previous >= 0) marked.add(previous);
  return [...marked].sort((a, b) => a - b);
}
