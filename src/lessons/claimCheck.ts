import type { ClaimNumber, ClaimResult, ClaimRunNumbers, LessonClaim } from './claimTypes';

/**
 * Small builders for claim checks, so that each lesson's check reads as its sentence does and
 * every number it looked at is reported with what it had to be.
 */

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 0.01 || magnitude >= 1000)) return value.toExponential(2);
  return value.toFixed(magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 3);
}

/** `value ≥ bound`. */
export function atLeast(label: string, value: number, bound: number): ClaimNumber {
  return { label, value, wanted: `≥ ${format(bound)}`, ok: value >= bound };
}

/** `value ≤ bound`. */
export function atMost(label: string, value: number, bound: number): ClaimNumber {
  return { label, value, wanted: `≤ ${format(bound)}`, ok: value <= bound };
}

/** `low ≤ value ≤ high`. */
export function within(label: string, value: number, low: number, high: number): ClaimNumber {
  return { label, value, wanted: `in [${format(low)}, ${format(high)}]`, ok: value >= low && value <= high };
}

/** The claim held when every number did (and there was at least one). */
export function claimResult(numbers: ClaimNumber[]): ClaimResult {
  return { held: numbers.length > 0 && numbers.every((n) => n.ok), numbers };
}

/** A number the claim needs that the run does not show (its view is off): the claim fails, saying so. */
export function required(label: string, value: number | null): number {
  if (value === null) throw new ClaimNumberMissing(label);
  return value;
}

export class ClaimNumberMissing extends Error {
  constructor(readonly label: string) {
    super(`${label} is not measured in this run (its view is off)`);
  }
}

/** The run at `index`, or a clear error naming what is missing. */
export function run(runs: readonly ClaimRunNumbers[], index: number): ClaimRunNumbers {
  const found = runs[index];
  if (!found) throw new ClaimNumberMissing(`run ${String.fromCharCode(65 + index)}`);
  return found;
}

/** The median of the sharpness estimates from `fromStep` on (null when there are none). */
export function sharpnessMedian(r: ClaimRunNumbers, fromStep: number): { eigenvalue: number; threshold: number | null } | null {
  const points = r.sharpness.filter((p) => p.step >= fromStep);
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.eigenvalue - b.eigenvalue);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { eigenvalue: middle.eigenvalue, threshold: points.at(-1)!.threshold };
}

export { format as claimFormat };

/** Checks a claim; a number it needs that the runs do not show makes it fail, with the reason. */
export function claimEvaluate(claim: LessonClaim, runs: readonly ClaimRunNumbers[]): ClaimResult & { missing: string | null } {
  try {
    return { ...claim.check(runs), missing: null };
  } catch (error) {
    if (error instanceof ClaimNumberMissing) return { held: false, numbers: [], missing: error.message };
    throw error;
  }
}
