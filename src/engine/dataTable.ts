import type { Dataset } from './datasets';
import { datasetTakeCounts } from './dataShaping';

/**
 * A table of real data: numeric features (as measured, not yet standardised) and one class per
 * row. Iris, the penguins and an uploaded CSV file all arrive as one; it is plain data, so it
 * crosses to the workers as it is.
 */
export interface DataTable {
  /** Where it came from, for messages: "Iris", "good.csv". */
  name: string;
  featureNames: string[];
  /** The label column's distinct values, in class-index order. */
  classNames: string[];
  /** Row-major, `rows × features`. */
  x: Float32Array;
  y: Int32Array;
  features: number;
  classes: number;
  /** A short hash of the contents, so a new file with the same name is told apart. */
  hash: string;
  /**
   * The label column read as numbers, when every row holds a finite number: the target of a
   * regression on this file. Absent when any row does not (the column can then only be a class).
   */
  targets?: Float32Array;
}

/**
 * The table as a dataset with every feature z-scored, (x − mean) / sd, using the whole table's
 * mean and standard deviation (population sd). A constant column becomes all zeros. Standardised
 * features put every table on the scale the generated data has, so learning rates carry over,
 * and the "others at their mean" plane of the boundary view is simply 0.
 */
export function dataTableStandardise(table: DataTable): Dataset {
  const { features } = table;
  const rows = table.y.length;
  const x = new Float32Array(rows * features);
  for (let f = 0; f < features; f++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += table.x[i * features + f]!;
    const mean = sum / Math.max(1, rows);
    let squares = 0;
    for (let i = 0; i < rows; i++) squares += (table.x[i * features + f]! - mean) ** 2;
    const sd = Math.sqrt(squares / Math.max(1, rows));
    const scale = sd > 1e-12 ? 1 / sd : 0;
    for (let i = 0; i < rows; i++) x[i * features + f] = (table.x[i * features + f]! - mean) * scale;
  }
  return { x, y: table.y.slice(), features, classes: table.classes };
}

/**
 * Class imbalance on a real table: every class after the first keeps at most f/(1−f) times as
 * many rows as the first class has (a seeded subset), the same ratio datasetClassCounts gives
 * generated data; the first class keeps all its rows. f ≥ 0.5 leaves the table as it is.
 */
export function dataTableImbalance(dataset: Dataset, minorityFraction: number, seed: number): Dataset {
  if (minorityFraction >= 0.5) return dataset;
  const available = Array.from({ length: dataset.classes }, () => 0);
  for (const label of dataset.y) available[label]! += 1;
  const ratio = minorityFraction / (1 - minorityFraction);
  const counts = available.map((n, k) => (k === 0 ? n : Math.min(n, Math.max(1, Math.round(available[0]! * ratio)))));
  return datasetTakeCounts(dataset, counts, seed);
}

/** FNV-1a over bytes (or a string's UTF-16 units), as 8 hex digits: a fingerprint, not a security hash. */
export function dataHash(input: Uint8Array | string): string {
  let hash = 0x811c9dc5;
  const length = input.length;
  for (let i = 0; i < length; i++) {
    hash ^= typeof input === 'string' ? input.charCodeAt(i) : input[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
