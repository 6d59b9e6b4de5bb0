/** A metric for a numbers block: fixed digits, "—" when absent, NaN and ∞ spelled out. */
export function formatMetric(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '—';
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A value that may span many decades (norms, eigenvalues): 3 significant digits. */
export function formatMagnitude(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const size = Math.abs(value);
  return size !== 0 && (size < 1e-3 || size >= 1e5) ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}

/**
 * The next step at which a metric taken every `every` steps is due, after `step`; null when the
 * metric is off (every ≤ 0).
 */
export function nextDueStep(step: number, every: number): number | null {
  if (every <= 0) return null;
  return (Math.floor(step / every) + 1) * every;
}
