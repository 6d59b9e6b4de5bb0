import { rng, rngPermutation, rngSeedFor, type Rng } from './rng';
import { datasetClassCounts, datasetTakeCounts } from './dataShaping';

/**
 * Two-dimensional toy datasets, seeded. Every generator places its points in roughly [-1, 1]²
 * before noise, so one plane extent suits them all and learning rates carry over between them.
 */
export const GENERATED_KINDS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'checkerboard', 'blobs'] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];
/** Real tables (realData.ts) and a file the user uploaded (csv.ts): more than two features, standardised. */
export const TABLE_KINDS = ['iris', 'penguins', 'csv'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export const DATASET_KINDS = [...GENERATED_KINDS, ...TABLE_KINDS] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export function datasetIsGenerated(kind: string): kind is GeneratedKind {
  return (GENERATED_KINDS as readonly string[]).includes(kind);
}

export interface DatasetRequest {
  kind: GeneratedKind;
  /** Number of points. */
  points: number;
  /** Noise level in [0, 1]; each generator scales it to its own geometry. */
  noise: number;
  /** Number of classes; clamped to what the generator allows. */
  classes: number;
  seed: number;
  /** Share of the smallest class(es), (0, 0.5]; 0.5 (the default) is balanced. */
  minorityFraction?: number;
}

export interface Dataset {
  /** Row-major features, `points × features`. */
  x: Float32Array;
  /** Class index per point. */
  y: Int32Array;
  features: number;
  classes: number;
}

export interface DatasetInfo {
  label: string;
  /** Inclusive range of classes the generator can make. */
  minClasses: number;
  maxClasses: number;
}

export const DATASET_INFO: Record<DatasetKind, DatasetInfo> = {
  circle: { label: 'Circle', minClasses: 2, maxClasses: 4 },
  xor: { label: 'XOR', minClasses: 2, maxClasses: 2 },
  gauss: { label: 'Two Gaussians', minClasses: 2, maxClasses: 2 },
  spiral: { label: 'Spiral', minClasses: 2, maxClasses: 6 },
  moons: { label: 'Moons', minClasses: 2, maxClasses: 2 },
  checkerboard: { label: 'Checkerboard', minClasses: 2, maxClasses: 2 },
  blobs: { label: 'Blobs', minClasses: 2, maxClasses: 6 },
  iris: { label: 'Iris (real)', minClasses: 3, maxClasses: 3 },
  penguins: { label: 'Palmer penguins (real)', minClasses: 3, maxClasses: 3 },
  // An uploaded file has 2–6 classes, set from the file when it is loaded.
  csv: { label: 'Your CSV file', minClasses: 2, maxClasses: 6 },
};

/** The class count a generator will actually use for a request. */
export function datasetClasses(kind: DatasetKind, requested: number): number {
  const info = DATASET_INFO[kind];
  return Math.min(info.maxClasses, Math.max(info.minClasses, Math.round(requested)));
}

type Generator = (index: number, classes: number, points: number, random: Rng) => [number, number, number];

// Each generator returns (x, y, label) for point `index`; labels are balanced by index.
const GENERATORS: Record<GeneratedKind, Generator> = {
  circle: (i, k, _n, r) => {
    // Class c lives on a ring of radius (c + 0.5) / k; class 0 is the inner disc.
    const label = i % k;
    const radius = label === 0 ? Math.sqrt(r.next()) * (0.5 / k) * 1.6 : ((label + 0.5) / k) * (0.8 + 0.2 * r.next());
    const angle = 2 * Math.PI * r.next();
    return [radius * Math.cos(angle), radius * Math.sin(angle), label];
  },
  xor: (_i, _k, _n, r) => {
    const x = 2 * r.next() - 1;
    const y = 2 * r.next() - 1;
    const pad = (v: number): number => v + (v > 0 ? 0.05 : -0.05);
    return [pad(x) * 0.9, pad(y) * 0.9, x * y >= 0 ? 0 : 1];
  },
  gauss: (i, _k, _n, r) => {
    const label = i % 2;
    const centre = label === 0 ? 0.45 : -0.45;
    return [centre + 0.25 * r.normal(), centre + 0.25 * r.normal(), label];
  },
  spiral: (i, k, n, r) => {
    const label = i % k;
    const t = Math.floor(i / k) / Math.max(1, Math.ceil(n / k));
    const angle = 1.75 * t * 2 * Math.PI + (2 * Math.PI * label) / k;
    const radius = 0.05 + 0.9 * t;
    return [radius * Math.sin(angle) + 0.02 * r.normal(), radius * Math.cos(angle) + 0.02 * r.normal(), label];
  },
  moons: (i, _k, _n, r) => {
    const label = i % 2;
    const angle = Math.PI * r.next();
    return label === 0
      ? [Math.cos(angle) * 0.65 - 0.32, Math.sin(angle) * 0.65 - 0.15, 0]
      : [(1 - Math.cos(angle)) * 0.65 - 0.33, -Math.sin(angle) * 0.65 + 0.2, 1];
  },
  checkerboard: (_i, _k, _n, r) => {
    const x = 2 * r.next() - 1;
    const y = 2 * r.next() - 1;
    const cell = Math.floor((x + 1) * 2) + Math.floor((y + 1) * 2);
    return [x, y, cell % 2];
  },
  blobs: (i, k, _n, r) => {
    const label = i % k;
    const angle = (2 * Math.PI * label) / k + 0.3;
    return [0.6 * Math.cos(angle) + 0.18 * r.normal(), 0.6 * Math.sin(angle) + 0.18 * r.normal(), label];
  },
};

/** Generates a dataset. The same request gives the same numbers, bit for bit. */
export function datasetGenerate(request: DatasetRequest): Dataset {
  const fraction = request.minorityFraction ?? 0.5;
  if (fraction >= 0.5) return datasetGenerateBalanced(request);
  // Imbalanced: draw a balanced pool large enough for the biggest class, then subsample each class.
  const classes = datasetClasses(request.kind, request.classes);
  const counts = datasetClassCounts(Math.max(classes, Math.round(request.points)), classes, fraction);
  const pool = datasetGenerateBalanced({ ...request, points: Math.max(...counts) * classes });
  return datasetTakeCounts(pool, counts, request.seed);
}

function datasetGenerateBalanced(request: DatasetRequest): Dataset {
  const classes = datasetClasses(request.kind, request.classes);
  const points = Math.max(1, Math.round(request.points));
  const random = rng(rngSeedFor(request.seed, `data:${request.kind}`));
  const generate = GENERATORS[request.kind];
  const x = new Float32Array(points * 2);
  const y = new Int32Array(points);
  // Noise is an isotropic Gaussian jitter; 0.25 at noise = 1 already blurs most boundaries.
  const jitter = 0.25 * Math.max(0, request.noise);
  for (let i = 0; i < points; i++) {
    const [px, py, label] = generate(i, classes, points, random);
    x[2 * i] = px + jitter * random.normal();
    x[2 * i + 1] = py + jitter * random.normal();
    y[i] = label;
  }
  return { x, y, features: 2, classes };
}

export interface DatasetSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Seeded split of point indices into train / validation / test by the given fractions. */
export function datasetSplit(points: number, fractions: { validation: number; test: number }, seed: number): DatasetSplit {
  const order = rngPermutation(rng(rngSeedFor(seed, 'split')), points);
  const validation = Math.round(points * fractions.validation);
  const test = Math.round(points * fractions.test);
  const train = Math.max(1, points - validation - test);
  return {
    train: order.slice(0, train),
    validation: order.slice(train, train + validation),
    test: order.slice(train + validation),
  };
}

/** The rows of a dataset at the given indices. */
export function datasetSubset(data: Dataset, indices: Int32Array): Dataset {
  const x = new Float32Array(indices.length * data.features);
  const y = new Int32Array(indices.length);
  indices.forEach((row, i) => {
    for (let f = 0; f < data.features; f++) x[i * data.features + f] = data.x[row * data.features + f]!;
    y[i] = data.y[row]!;
  });
  return { x, y, features: data.features, classes: data.classes };
}
