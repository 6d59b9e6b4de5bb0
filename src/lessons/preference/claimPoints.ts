import type { PreferencePoint } from '../../workers/protocol';
import type { ClaimNumber } from '../claimTypes';

export function pointFirst(series: readonly PreferencePoint[]): PreferencePoint {
  const first = series[0];
  if (!first) throw new Error('the run has no probe yet');
  return first;
}

export function pointLast(series: readonly PreferencePoint[]): PreferencePoint {
  const last = series[series.length - 1];
  if (!last) throw new Error('the run has no probe yet');
  return last;
}

export function atMost(label: string, value: number, bound: number): ClaimNumber {
  return { label, value, wanted: `≤ ${bound}`, ok: value <= bound };
}

export function atLeast(label: string, value: number, bound: number): ClaimNumber {
  return { label, value, wanted: `≥ ${bound}`, ok: value >= bound };
}
