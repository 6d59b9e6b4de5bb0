import type { SharpnessPoint } from '../../workers/protocol';
import type { LineSeries } from '../lineChartRender';

export const SHARPNESS_COLOURS = { eigenvalue: '#0072B2', threshold: '#D55E00' } as const;

/**
 * How the threshold is written: "2/η" when threshold·η = 2 (plain GD), "(2+2μ)/η" otherwise
 * (heavy-ball momentum raises the edge of stability to (2 + 2μ)/η).
 */
export function sharpnessThresholdLabel(points: readonly SharpnessPoint[]): string {
  const last = [...points].reverse().find((p) => p.threshold !== null);
  if (!last || last.threshold === null) return '2/η';
  return Math.abs(last.threshold * last.learningRate - 2) < 1e-6 * 2 ? '2/η' : '(2+2μ)/η';
}

/**
 * λ_max over steps, and the stability threshold where there is one, held from each estimate to the
 * next and past the last one to `untilStep` (the current step), so a single estimate still draws a line.
 */
export function sharpnessSeries(points: readonly SharpnessPoint[], untilStep: number): { series: LineSeries[]; hasThreshold: boolean; yMax: number | null } {
  const steps = points.map((p) => p.step);
  const series: LineSeries[] = [
    {
      name: 'λ_max',
      colour: SHARPNESS_COLOURS.eigenvalue,
      steps,
      values: points.map((p) => p.eigenvalue),
      markers: points.length < 60,
      testId: 'sharpness-eigenvalue',
    },
  ];
  const hasThreshold = points.some((p) => p.threshold !== null && Number.isFinite(p.threshold));
  if (hasThreshold) {
    const last = points[points.length - 1]!;
    const end = Math.max(untilStep, last.step + 1);
    series.push({
      name: 'threshold',
      colour: SHARPNESS_COLOURS.threshold,
      steps: [...steps, end],
      values: [...points.map((p) => p.threshold ?? NaN), last.threshold ?? NaN],
      dashed: true,
      curve: 'step',
      label: sharpnessThresholdLabel(points),
      testId: 'sharpness-threshold',
    });
  }
  return { series, hasThreshold, yMax: sharpnessYMax(points) };
}

/**
 * The top of the chart: 1.5 × the larger of the highest λ_max and the lowest threshold, so both
 * stay in view when the threshold grows without bound (η decayed to 0); null without a threshold.
 */
export function sharpnessYMax(points: readonly SharpnessPoint[]): number | null {
  let eigenvalue = -Infinity;
  let threshold = Infinity;
  for (const p of points) {
    if (Number.isFinite(p.eigenvalue)) eigenvalue = Math.max(eigenvalue, p.eigenvalue);
    if (p.threshold !== null && Number.isFinite(p.threshold) && p.threshold > 0) threshold = Math.min(threshold, p.threshold);
  }
  if (!Number.isFinite(threshold)) return null;
  return 1.5 * Math.max(threshold, eigenvalue);
}
