/** A per-class metric with 3 decimals; "—" when there is none (a class with no test examples has no recall). */
export function formatClassMetric(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(3);
}

/** "none (balanced)", "class 2", or "class 2, class 3". */
export function minorityLabel(names: readonly string[]): string {
  return names.length === 0 ? 'none (balanced)' : names.join(', ');
}
