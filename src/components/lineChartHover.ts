import type { LineSeries } from './lineChartLayout';

export interface HoverValue {
  name: string;
  colour: string;
  step: number;
  value: number;
}

/**
 * Under the pointer at `step`: each series' point nearest that step (steps ascend within a
 * series), skipping series with no finite value there. Pure, for the charts' hover readout.
 */
export function lineChartHoverAt(series: readonly LineSeries[], step: number): HoverValue[] {
  const out: HoverValue[] = [];
  for (const s of series) {
    const n = Math.min(s.steps.length, s.values.length);
    if (n === 0) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.steps[mid]! < step) lo = mid + 1;
      else hi = mid;
    }
    const i = lo > 0 && Math.abs(s.steps[lo - 1]! - step) <= Math.abs(s.steps[lo]! - step) ? lo - 1 : lo;
    const value = s.values[i]!;
    if (Number.isFinite(value)) out.push({ name: s.name, colour: s.colour, step: s.steps[i]!, value });
  }
  return out;
}

/** "step 120 · train 0.4321 · validation 0.4610": four significant digits, small values in e-notation. */
export function lineChartHoverText(values: readonly HoverValue[]): string {
  if (values.length === 0) return '';
  const format = (v: number): string => (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5) ? v.toExponential(3) : String(Number(v.toPrecision(4))));
  const steps = [...new Set(values.map((v) => v.step))];
  const head = steps.length === 1 ? `step ${steps[0]!.toLocaleString('en')}` : '';
  const body = values.map((v) => `${v.name} ${format(v.value)}${steps.length > 1 ? ` (step ${v.step})` : ''}`);
  return [head, ...body].filter(Boolean).join(' · ');
}
