import type { SharpnessPoint } from '../../workers/protocol';
import type { LineSeries } from '../lineChartRender';

export const SHARPNESS_COLOURS = { eigenvalue: '#0072B2', negative: '#CC79A7', threshold: '#D55E00' } as const;

export type EigenvalueName = 'λ_max' | 'λ_min';

/**
 * What an estimate is called. Power iteration finds the eigenvalue of largest magnitude: λ_max
 * when it is positive, but when a negative eigenvalue is larger in magnitude the estimate is λ_min
 * (the loss curves down along its eigenvector), and calling it λ_max would be wrong.
 */
export function eigenvalueName(eigenvalue: number | undefined): EigenvalueName {
  return eigenvalue !== undefined && eigenvalue < 0 ? 'λ_min' : 'λ_max';
}

/**
 * How the threshold is written: "2/η" when threshold·η = 2 (plain GD), "(2+2μ)/η" otherwise
 * (heavy-ball momentum raises the edge of stability to (2 + 2μ)/η), and Adam's line on the
 * preconditioned sharpness, (2 + 2β₁)/((1 − β₁)η) (38/η at β₁ = 0.9).
 */
export function sharpnessThresholdLabel(points: readonly SharpnessPoint[]): string {
  const last = [...points].reverse().find((p) => p.threshold !== null);
  if (!last || last.threshold === null) return '2/η';
  if (last.preconditioned) return '(2+2β₁)/((1−β₁)η)';
  return Math.abs(last.threshold * last.learningRate - 2) < 1e-6 * 2 ? '2/η' : '(2+2μ)/η';
}

/**
 * The dominant eigenvalue over steps, and the stability threshold where there is one, held from each
 * estimate to the next and past the last one to `untilStep` (the current step), so a single estimate
 * still draws a line. On a log scale the curve is |λ| (a negative value has no place on it) and the
 * negative estimates (λ_min) are marked again in their own colour, so the sign is never lost; on a
 * linear scale they are drawn below zero and marked the same way.
 */
export function sharpnessSeries(
  points: readonly SharpnessPoint[],
  untilStep: number,
  logScale = false,
): { series: LineSeries[]; hasThreshold: boolean; hasNegative: boolean; yMax: number | null } {
  const steps = points.map((p) => p.step);
  const shown = (v: number): number => (logScale ? Math.abs(v) : v);
  const series: LineSeries[] = [
    {
      name: logScale ? '|λ|' : 'λ',
      colour: SHARPNESS_COLOURS.eigenvalue,
      steps,
      values: points.map((p) => shown(p.eigenvalue)),
      markers: points.length < 60,
      testId: 'sharpness-eigenvalue',
    },
  ];
  const hasNegative = points.some((p) => p.eigenvalue < 0);
  if (hasNegative) {
    series.push({
      name: 'λ_min < 0',
      colour: SHARPNESS_COLOURS.negative,
      steps,
      // NaN breaks the line: only the negative estimates are drawn.
      values: points.map((p) => (p.eigenvalue < 0 ? shown(p.eigenvalue) : NaN)),
      markers: true,
      label: logScale ? '|λ_min| (negative)' : 'λ_min',
      testId: 'sharpness-negative',
    });
  }
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
  return { series, hasThreshold, hasNegative, yMax: sharpnessYMax(points) };
}

/**
 * The top of the chart: 1.5 × the larger of the largest |λ| and the lowest threshold, so both
 * stay in view when the threshold grows without bound (η decayed to 0); null without a threshold.
 */
export function sharpnessYMax(points: readonly SharpnessPoint[]): number | null {
  let eigenvalue = -Infinity;
  let threshold = Infinity;
  for (const p of points) {
    if (Number.isFinite(p.eigenvalue)) eigenvalue = Math.max(eigenvalue, Math.abs(p.eigenvalue));
    if (p.threshold !== null && Number.isFinite(p.threshold) && p.threshold > 0) threshold = Math.min(threshold, p.threshold);
  }
  if (!Number.isFinite(threshold)) return null;
  return 1.5 * Math.max(threshold, eigenvalue);
}
