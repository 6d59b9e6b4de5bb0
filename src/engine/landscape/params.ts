// Parameter vectors for the loss-landscape code: an MLP's layers flattened into one vector and
// back, plus the little float64 vector algebra (dot, norm, axpy) the directions need.
// Pure TypeScript, no tensors.
import type { DenseWeights } from '../mlp';

/** The shape of one dense layer, without its numbers. */
export interface LayerShape {
  inputs: number;
  outputs: number;
}

/**
 * A plane in parameter space: θ(α, β) = center + α·d1 + β·d2. `d2` null means a line
 * (the 1-D slice). Directions have the same layer shapes as the centre.
 */
export interface LandscapePlane {
  center: readonly DenseWeights[];
  d1: readonly DenseWeights[];
  d2: readonly DenseWeights[] | null;
}

/** Number of parameters (weights and biases) in these layers. */
export function landscapeParamCount(layers: readonly LayerShape[]): number {
  return layers.reduce((sum, layer) => sum + layer.inputs * layer.outputs + layer.outputs, 0);
}

/** Layers as one vector, in the order W₀ (row-major `inputs × outputs`), b₀, W₁, b₁, … */
export function landscapeFlatten(layers: readonly DenseWeights[]): Float32Array {
  const flat = new Float32Array(landscapeParamCount(layers));
  let offset = 0;
  for (const layer of layers) {
    flat.set(layer.w, offset);
    offset += layer.w.length;
    flat.set(layer.b, offset);
    offset += layer.b.length;
  }
  return flat;
}

/** The inverse of landscapeFlatten: a vector cut into layers shaped like `like`. */
export function landscapeUnflatten(flat: ArrayLike<number>, like: readonly LayerShape[]): DenseWeights[] {
  const expected = landscapeParamCount(like);
  if (flat.length !== expected) throw new Error(`parameter vector has ${flat.length} entries, the layers need ${expected}`);
  const layers: DenseWeights[] = [];
  let offset = 0;
  const take = (count: number): Float32Array => {
    const part = new Float32Array(count);
    for (let i = 0; i < count; i++) part[i] = flat[offset + i]!;
    offset += count;
    return part;
  };
  for (const { inputs, outputs } of like) {
    const w = take(inputs * outputs);
    const b = take(outputs);
    layers.push({ inputs, outputs, w, b });
  }
  return layers;
}

/** Layers of zeros shaped like `like`. */
export function landscapeZeros(like: readonly LayerShape[]): DenseWeights[] {
  return like.map(({ inputs, outputs }) => ({ inputs, outputs, w: new Float32Array(inputs * outputs), b: new Float32Array(outputs) }));
}

/** center + α·d1 + β·d2, computed in float64 and rounded once to float32. */
export function landscapePlanePoint(plane: LandscapePlane, alpha: number, beta: number): DenseWeights[] {
  const combine = (c: Float32Array, a: Float32Array | undefined, b: Float32Array | undefined): Float32Array => {
    const out = new Float32Array(c.length);
    for (let i = 0; i < c.length; i++) out[i] = c[i]! + alpha * (a?.[i] ?? 0) + beta * (b?.[i] ?? 0);
    return out;
  };
  return plane.center.map((layer, l) => {
    const d1 = plane.d1[l];
    const d2 = plane.d2?.[l];
    return { inputs: layer.inputs, outputs: layer.outputs, w: combine(layer.w, d1?.w, d2?.w), b: combine(layer.b, d1?.b, d2?.b) };
  });
}

/** Throws unless every layer of `layers` has the shape of the matching layer of `like`. */
export function landscapeCheckShapes(layers: readonly LayerShape[], like: readonly LayerShape[], what: string): void {
  const same = layers.length === like.length && layers.every((layer, l) => layer.inputs === like[l]!.inputs && layer.outputs === like[l]!.outputs);
  if (!same) throw new Error(`${what} does not have the layer shapes of the centre`);
}

// Float64 vector algebra over Float32Array / Float64Array inputs.

export function vectorDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function vectorNorm(a: ArrayLike<number>): number {
  return Math.sqrt(vectorDot(a, a));
}

/** a − b in float64. */
export function vectorSub(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

/** y ← y + s·x, in place. */
export function vectorAxpy(y: Float64Array, s: number, x: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) y[i]! += s * x[i]!;
}

/** s·x in float64. */
export function vectorScale(x: ArrayLike<number>, s: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = s * x[i]!;
  return out;
}
