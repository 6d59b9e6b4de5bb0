/** A step–value series as the table needs it (LineSeries and the loss chart's series both fit). */
export interface TableSeries {
  name: string;
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ChartTableRows {
  /** The step each row stands for. */
  steps: number[];
  /** Per row, per series: the series' last value at or before the row's step and after the previous row's; null if none. */
  cells: (number | null)[][];
  /** Distinct steps in all, before thinning. */
  total: number;
}

/**
 * The rows of a chart's table: the union of the series' steps, thinned evenly to at most
 * `maxRows` (the first and last kept). A row covers the steps since the previous row, and each
 * cell holds its series' last value in that span, so a sparse series (one value every N steps)
 * is not lost between the rows that were kept.
 */
export function chartTableRows(series: readonly TableSeries[], maxRows = 200): ChartTableRows {
  const all = new Set<number>();
  for (const s of series) for (let i = 0; i < s.steps.length; i++) all.add(s.steps[i]!);
  const sorted = [...all].sort((a, b) => a - b);
  const count = Math.min(sorted.length, Math.max(1, maxRows));
  const steps = count === sorted.length ? sorted : Array.from({ length: count }, (_, i) => sorted[count === 1 ? sorted.length - 1 : Math.round((i * (sorted.length - 1)) / (count - 1))]!);
  const cursors = series.map(() => 0);
  const cells = steps.map((step) =>
    series.map((s, j) => {
      let value: number | null = null;
      let i = cursors[j]!;
      while (i < s.steps.length && s.steps[i]! <= step) value = s.values[i++]!;
      cursors[j] = i;
      return value;
    }),
  );
  return { steps, cells, total: sorted.length };
}

/** A table cell's text: four significant digits, or the non-finite value by name. */
export function chartTableFormat(value: number | null): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}
