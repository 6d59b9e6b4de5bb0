import { rng, rngPermutation, rngSeedFor } from './rng';
import type { Dataset } from './datasets';

/**
 * How many points each class gets for a minority fraction f ∈ (0, 0.5]. With two classes, class 1
 * is the minority and holds the fraction f of the points. With K classes, each class k ≥ 1 has
 * f/(1−f) times as many points as class 0, which reduces to the two-class rule and makes f = 0.5
 * balanced for every K.
 */
export function datasetClassCounts(points: number, classes: number, minorityFraction: number): number[] {
  const ratio = minorityFraction / (1 - minorityFraction);
  const majority = points / (1 + (classes - 1) * ratio);
  const counts = Array.from({ length: classes }, (_, k) => Math.max(1, Math.round(k === 0 ? majority : majority * ratio)));
  counts[0]! += points - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** A seeded random subset of each class's points, `counts[k]` of class k, in the pool's order. */
export function datasetTakeCounts(pool: Dataset, counts: readonly number[], seed: number): Dataset {
  const random = rng(rngSeedFor(seed, 'imbalance'));
  const keep = new Uint8Array(pool.y.length);
  for (let k = 0; k < pool.classes; k++) {
    const members = pool.y.reduce<number[]>((list, label, i) => (label === k ? [...list, i] : list), []);
    const order = rngPermutation(random, members.length);
    for (let j = 0; j < Math.min(counts[k] ?? 0, members.length); j++) keep[members[order[j]!]!] = 1;
  }
  const rows = keep.reduce<number[]>((list, kept, i) => (kept ? [...list, i] : list), []);
  const x = new Float32Array(rows.length * pool.features);
  const y = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    for (let f = 0; f < pool.features; f++) x[i * pool.features + f] = pool.x[row * pool.features + f]!;
    y[i] = pool.y[row]!;
  });
  return { x, y, features: pool.features, classes: pool.classes };
}

export type LabelNoiseKind = 'symmetric' | 'pair';

/**
 * Flips exactly round(rate·n) of the labels at `indices`, chosen at random (seeded). Symmetric
 * noise moves a label to one of the other classes uniformly; pair noise moves class k to k+1 (mod K),
 * the structured kind of noise that fools some robust losses. Returns the flipped indices.
 */
export function labelNoiseApply(labels: Int32Array, indices: Int32Array, classes: number, rate: number, kind: LabelNoiseKind, seed: number): Int32Array {
  const random = rng(rngSeedFor(seed, `label-noise:${kind}`));
  const count = Math.round(Math.min(1, Math.max(0, rate)) * indices.length);
  const order = rngPermutation(random, indices.length);
  const flipped = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const i = indices[order[j]!]!;
    const label = labels[i]!;
    labels[i] = kind === 'pair' ? (label + 1) % classes : (label + 1 + random.int(classes - 1)) % classes;
    flipped[j] = i;
  }
  return flipped;
}
