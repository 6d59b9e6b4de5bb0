// From CSV cells to a DataTable: the numeric columns become features, the column the user picks
// becomes the label. A column is numeric when every cell that is not missing is a number; a
// missing value in a column that is used (a feature or the label) is an error naming its row
// and column, since guessing a value would train on numbers nobody measured.
import type { CsvCells, Result } from './csv';
import { dataHash, type DataTable } from './dataTable';

export const CSV_MIN_CLASSES = 2;
export const CSV_MAX_CLASSES = 6;
export const CSV_MAX_FEATURES = 64;
/** The largest float32, the type the features are trained in. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Cells read as "no value": empty, NA, N/A, NaN, null, none, ? (any case). */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function csvIsMissing(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

export function csvNumber(cell: string): number | null {
  const text = cell.trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Whether each column holds numbers only (missing cells aside, and at least one number). */
export function csvNumericColumns(cells: CsvCells): boolean[] {
  return cells.header.map((_, c) => {
    let numbers = 0;
    for (const row of cells.rows) {
      const cell = row[c]!;
      if (csvIsMissing(cell)) continue;
      if (csvNumber(cell) === null) return false;
      numbers += 1;
    }
    return numbers > 0;
  });
}

/**
 * The label column to offer first: the last column that is not numeric (a species, a name),
 * else the last column.
 */
export function csvDefaultLabel(cells: CsvCells): string {
  const numeric = csvNumericColumns(cells);
  const text = cells.header.filter((_, c) => !numeric[c]);
  return text.at(-1) ?? cells.header.at(-1)!;
}

/**
 * The table with `label` as the class column and every other numeric column as a feature.
 * Classes are the label's distinct values (trimmed), sorted (numbers by value), 2–6 of them.
 */
export function csvTable(cells: CsvCells, label: string, name: string): Result<DataTable> {
  const labelIndex = cells.header.indexOf(label);
  if (labelIndex < 0) return { ok: false, error: `The file has no column "${label}".` };
  const numeric = csvNumericColumns(cells);
  const featureColumns = cells.header.map((_, c) => c).filter((c) => c !== labelIndex && numeric[c]);
  if (featureColumns.length === 0) {
    const other = cells.header.find((_, c) => c !== labelIndex);
    return {
      ok: false,
      error:
        other === undefined
          ? `The file has only the label column "${label}": there are no numeric columns to use as features.`
          : `No numeric columns: every column besides "${label}" holds text (or is empty), so there is nothing to use as features.`,
    };
  }
  if (featureColumns.length > CSV_MAX_FEATURES) {
    return { ok: false, error: `The file has ${featureColumns.length} numeric columns; at most ${CSV_MAX_FEATURES} can be used as features.` };
  }
  for (let r = 0; r < cells.rows.length; r++) {
    const row = cells.rows[r]!;
    for (const c of [...featureColumns, labelIndex]) {
      if (csvIsMissing(row[c]!)) {
        const value = row[c]!.trim() === '' ? 'is empty' : `is "${row[c]!.trim()}"`;
        return { ok: false, error: `Missing value: row ${r + 2}, column "${cells.header[c]}" ${value}. Fill it in or remove the row, then upload the file again.` };
      }
    }
  }
  const values = cells.rows.map((row) => row[labelIndex]!.trim());
  const classNames = [...new Set(values)].sort(classOrder);
  if (classNames.length < CSV_MIN_CLASSES) {
    return { ok: false, error: `A single class: every row of "${label}" is "${classNames[0] ?? ''}". A classifier needs at least two classes; pick another label column.` };
  }
  if (classNames.length > CSV_MAX_CLASSES) {
    return {
      ok: false,
      error: `Too many classes: "${label}" has ${classNames.length} different values; at most ${CSV_MAX_CLASSES} classes can be used. Pick another label column.`,
    };
  }
  const features = featureColumns.length;
  const x = new Float32Array(cells.rows.length * features);
  for (let r = 0; r < cells.rows.length; r++) {
    for (let f = 0; f < features; f++) {
      const c = featureColumns[f]!;
      const value = csvNumber(cells.rows[r]![c]!)!;
      // Training runs in float32: a larger number would become Infinity and every loss NaN.
      if (Math.abs(value) > FLOAT32_MAX) {
        return { ok: false, error: `Row ${r + 2}, column "${cells.header[c]}": ${cells.rows[r]![c]!.trim()} is too large; numbers up to ±3.4e38 can be used.` };
      }
      x[r * features + f] = value;
    }
  }
  const index = new Map(classNames.map((value, k) => [value, k]));
  const y = Int32Array.from(values, (value) => index.get(value)!);
  return {
    ok: true,
    value: {
      name,
      featureNames: featureColumns.map((c) => cells.header[c]!),
      classNames,
      x,
      y,
      features,
      classes: classNames.length,
      hash: dataHash(`${label}\u0000${cells.header.join('\u0000')}\u0000${cells.rows.map((row) => row.join('\u0000')).join('\n')}`),
    },
  };
}

/** Numbers by value before text; text alphabetically. */
function classOrder(a: string, b: string): number {
  const na = csvNumber(a);
  const nb = csvNumber(b);
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
