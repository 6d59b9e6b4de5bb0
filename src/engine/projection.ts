// The plane the decision boundary is drawn on. With two features it is the data's own plane.
// With more, it is a 2-D slice through feature space: `inputs = origin + a·u + b·v` for plane
// coordinates (a, b), with u, v orthonormal. Two ways to choose it:
// - 'features': u and v are two chosen features' unit vectors and every other feature sits at
//   its mean (0 after standardisation, so origin = 0);
// - 'pca': u and v are the top two principal components of the standardised training features,
//   through their mean.
// Points are shown at their orthogonal projection onto the plane, a = (x − origin)·u,
// b = (x − origin)·v, so a point and the boundary behind it are in the same coordinates (a point
// off the plane may sit on the "wrong" side of a boundary that is drawn for the plane only).
import type { Dataset } from './datasets';

export const VIEW_MODES = ['features', 'pca'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export interface DataView {
  mode: ViewMode;
  /** Feature indices for the 'features' mode. */
  x: number;
  y: number;
}

/** The plane shown behind the points: [xMin, xMax, yMin, yMax]. */
export type Extent = [number, number, number, number];

export interface Plane {
  /** The view as used: indices brought into range and apart, 'features' for 2-D data. */
  view: DataView;
  origin: Float32Array;
  u: Float32Array;
  v: Float32Array;
  /** Axis names: feature names, or "PC1 (73 % of variance)". */
  axes: [string, string];
  /** Every point of the dataset on the plane, row-major `n × 2`. */
  coordinates: Float32Array;
  extent: Extent;
}

/** The plane for a view; `train` (indices into the dataset) is what the PCA is fitted on. */
export function planeCreate(dataset: Dataset, train: Int32Array, featureNames: readonly string[], requested: DataView): Plane {
  const F = dataset.features;
  const view = viewResolve(requested, F);
  const origin = new Float32Array(F);
  const u = new Float32Array(F);
  const v = new Float32Array(F);
  let axes: [string, string];
  if (view.mode === 'pca') {
    const pca = pcaTop2(dataset, train);
    origin.set(pca.mean);
    u.set(pca.components[0]);
    v.set(pca.components[1]);
    axes = pca.explained.map((share, i) => `PC${i + 1} (${Math.round(share * 100)} % of variance)`) as [string, string];
  } else {
    u[view.x] = 1;
    v[view.y] = 1;
    axes = [featureNames[view.x] ?? `feature ${view.x + 1}`, featureNames[view.y] ?? `feature ${view.y + 1}`];
  }
  const coordinates = planeProject(dataset.x, F, origin, u, v);
  return { view, origin, u, v, axes, coordinates, extent: extentOfCoordinates(coordinates) };
}

/** Brings a view into range for F features: two different indices; 2-D data is always its own plane. */
export function viewResolve(view: DataView, features: number): DataView {
  if (features <= 2) return { mode: 'features', x: 0, y: Math.min(1, features - 1) };
  const x = Math.min(Math.max(0, Math.round(view.x)), features - 1);
  let y = Math.min(Math.max(0, Math.round(view.y)), features - 1);
  if (y === x) y = (x + 1) % features;
  return { mode: view.mode, x, y };
}

/** (a, b) of each row of `x` (`n × F`): its projection onto the plane. */
export function planeProject(x: Float32Array, F: number, origin: Float32Array, u: Float32Array, v: Float32Array): Float32Array {
  const n = Math.floor(x.length / F);
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let f = 0; f < F; f++) {
      const d = x[i * F + f]! - origin[f]!;
      a += d * u[f]!;
      b += d * v[f]!;
    }
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
  return out;
}

/** Model inputs for a `resolution × resolution` grid over the plane, rows from the top: `resolution² × F`. */
export function planeGridInputs(plane: Plane, resolution: number): Float32Array {
  const F = plane.origin.length;
  const [x0, x1, y0, y1] = plane.extent;
  const inputs = new Float32Array(resolution * resolution * F);
  for (let row = 0; row < resolution; row++) {
    const b = y1 - ((row + 0.5) / resolution) * (y1 - y0);
    for (let col = 0; col < resolution; col++) {
      const a = x0 + ((col + 0.5) / resolution) * (x1 - x0);
      const i = row * resolution + col;
      for (let f = 0; f < F; f++) inputs[i * F + f] = plane.origin[f]! + a * plane.u[f]! + b * plane.v[f]!;
    }
  }
  return inputs;
}

/** Inputs for `count` points along the x-axis of the extent, left to right, for data with one feature: `count × 1`. */
export function curveGridInputs(extent: Extent, count: number): Float32Array {
  const [x0, x1] = extent;
  return Float32Array.from({ length: count }, (_, i) => x0 + ((i + 0.5) / count) * (x1 - x0));
}

/** A square extent around the points with a 15 % margin, at least [−1.15, 1.15]², centred on 0. */
export function extentOfCoordinates(coordinates: Float32Array): Extent {
  let max = 1;
  for (const c of coordinates) max = Math.max(max, Math.abs(c));
  const half = max * 1.15;
  return [-half, half, -half, half];
}

/**
 * The mean and top two principal components of the training rows, with the share of the
 * variance each explains. The covariance is F × F (F is small), diagonalised by cyclic Jacobi
 * rotations; each component's sign is fixed so its largest entry is positive, so the picture
 * does not flip between runs.
 */
export function pcaTop2(dataset: Dataset, train: Int32Array): { mean: Float64Array; components: [Float64Array, Float64Array]; explained: [number, number] } {
  const F = dataset.features;
  const n = Math.max(1, train.length);
  const mean = new Float64Array(F);
  for (const i of train) for (let f = 0; f < F; f++) mean[f]! += dataset.x[i * F + f]! / n;
  const cov = Array.from({ length: F }, () => new Float64Array(F));
  for (const i of train) {
    for (let p = 0; p < F; p++) {
      const dp = dataset.x[i * F + p]! - mean[p]!;
      for (let q = p; q < F; q++) cov[p]![q]! += (dp * (dataset.x[i * F + q]! - mean[q]!)) / n;
    }
  }
  for (let p = 0; p < F; p++) for (let q = 0; q < p; q++) cov[p]![q] = cov[q]![p]!;
  const { values, vectors } = jacobiEigen(cov);
  const order = values.map((_, k) => k).sort((a, b) => values[b]! - values[a]!);
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0) || 1;
  const component = (k: number): Float64Array => {
    const c = Float64Array.from(vectors, (row) => row[k]!);
    let largest = 0;
    for (let f = 0; f < F; f++) if (Math.abs(c[f]!) > Math.abs(c[largest]!)) largest = f;
    if (c[largest]! < 0) for (let f = 0; f < F; f++) c[f] = -c[f]!;
    return c;
  };
  const [first, second] = [order[0] ?? 0, order[1] ?? 0];
  return {
    mean,
    components: [component(first), component(second)],
    explained: [Math.max(0, values[first]!) / total, Math.max(0, values[second]!) / total],
  };
}

/** Eigenvalues and eigenvectors (as the columns of `vectors`) of a symmetric matrix. */
export function jacobiEigen(matrix: readonly Float64Array[]): { values: number[]; vectors: Float64Array[] } {
  const F = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const vectors = Array.from({ length: F }, (_, i) => Float64Array.from({ length: F }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < F; p++) for (let q = p + 1; q < F; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < F; p++) {
      for (let q = p + 1; q < F; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q]: tan(2θ) = 2 a_pq / (a_qq − a_pp).
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < F; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < F; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < F; k++) {
          const vkp = vectors[k]![p]!;
          const vkq = vectors[k]![q]!;
          vectors[k]![p] = c * vkp - s * vkq;
          vectors[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors };
}
