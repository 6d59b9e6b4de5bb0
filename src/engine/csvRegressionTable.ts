// From CSV cells to a regression's table: the column the user picks is a numeric target and every
// other numeric column a feature. Shares csvTable.ts's reading of cells (what is a number, what is
// missing) and its errors' form: each names the row and column and what to do.
import type { CsvCells, Result } from './csv';
import { CSV_MAX_FEATURES, csvIsMissing, csvNumber, csvNumericColumns, FLOAT32_MAX } from './csvTable';
import { dataHash, type DataTable } from './dataTable';

/** The target to offer first: the last numeric column (a measurement), else the last column. */
export function csvDefaultTarget(cells: CsvCells): string {
  const numeric = csvNumericColumns(cells);
  return cells.header.filter((_, c) => numeric[c]).at(-1) ?? cells.header.at(-1)!;
}

/**
 * The table with `target` as a real-valued target (`targets`; the class column `y` is all zeros
 * and `classes` 1) and the other numeric columns as features.
 */
export function csvRegressionTable(cells: CsvCells, target: string, name: string): Result<DataTable> {
  const targetIndex = cells.header.indexOf(target);
  if (targetIndex < 0) return { ok: false, error: `The file has no column "${target}".` };
  const numeric = csvNumericColumns(cells);
  const featureColumns = cells.header.map((_, c) => c).filter((c) => c !== targetIndex && numeric[c]);
  if (featureColumns.length === 0) return { ok: false, error: `No numeric columns besides the target "${target}": there is nothing to use as features.` };
  if (featureColumns.length > CSV_MAX_FEATURES) {
    return { ok: false, error: `The file has ${featureColumns.length} numeric columns; at most ${CSV_MAX_FEATURES} can be used as features.` };
  }
  const features = featureColumns.length;
  const x = new Float32Array(cells.rows.length * features);
  const targets = new Float32Array(cells.rows.length);
  for (let r = 0; r < cells.rows.length; r++) {
    const row = cells.rows[r]!;
    for (const c of [...featureColumns, targetIndex]) {
      const cell = row[c]!;
      if (csvIsMissing(cell)) {
        const value = cell.trim() === '' ? 'is empty' : `is "${cell.trim()}"`;
        return { ok: false, error: `Missing value: row ${r + 2}, column "${cells.header[c]}" ${value}. Fill it in or remove the row, then upload the file again.` };
      }
      const value = csvNumber(cell);
      if (value === null) {
        return { ok: false, error: `Row ${r + 2}, column "${cells.header[c]}": "${cell.trim()}" is not a number, and a regression's target must be one in every row. Pick a numeric column.` };
      }
      // Training runs in float32: a larger number would become Infinity and every loss NaN.
      if (Math.abs(value) > FLOAT32_MAX) return { ok: false, error: `Row ${r + 2}, column "${cells.header[c]}": ${cell.trim()} is too large; numbers up to ±3.4e38 can be used.` };
      if (c === targetIndex) targets[r] = value;
      else x[r * features + featureColumns.indexOf(c)] = value;
    }
  }
  if (targets.every((t) => t === targets[0])) return { ok: false, error: `Every row of "${target}" is ${cells.rows[0]?.[targetIndex]?.trim() ?? ''}: a constant target leaves nothing to learn. Pick another column.` };
  return {
    ok: true,
    value: {
      name,
      featureNames: featureColumns.map((c) => cells.header[c]!),
      classNames: [target],
      x,
      y: new Int32Array(cells.rows.length),
      features,
      classes: 1,
      targets,
      hash: dataHash(`regression\u0000${target}\u0000${cells.header.join('\u0000')}\u0000${cells.rows.map((row) => row.join('\u0000')).join('\n')}`),
    },
  };
}
