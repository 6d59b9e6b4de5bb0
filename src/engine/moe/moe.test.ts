import { describe, expect, it } from 'vitest';
import { tf, type Tensor, type Tensor2D } from '../tf';
import { mlpWeightTensors } from '../mlp';
import { rng } from '../rng';
import { moeForward, moeInitWeights, type MoeShape } from './moeModel';
import { moeLoadBalancingLoss, moeRouterZLoss } from './moeBalance';
import { moeReferenceForward, moeReferenceLbl, moeReferenceSoftmax, moeReferenceZLoss } from './moeReference';
import { moeDomainOf, moeDomains } from './moeDomains';
import { MoeBatchSampler } from './moeBatches';
import { moeRoutingStats } from './moeStats';
import type { DenseWeights } from '../mlp';

describe('load-balancing loss', () => {
  // Two micro-batches of two points each, two experts, top-1. Micro-batch A sends both points to
  // expert 1 with gates (0.8, 0.2); micro-batch B both to expert 2 with gates (0.3, 0.7).
  //   micro: A: f = (1, 0), p = (0.8, 0.2) → 2·0.8 = 1.6;  B: f = (0, 1), p = (0.3, 0.7) → 2·0.7 = 1.4;  mean 1.5
  //   global: f = (0.5, 0.5), p = (0.55, 0.45) → 2·(0.275 + 0.225) = 1.0
  const probs = [
    [0.8, 0.2],
    [0.8, 0.2],
    [0.3, 0.7],
    [0.3, 0.7],
  ];
  const mask = [
    [1, 0],
    [1, 0],
    [0, 1],
    [0, 1],
  ];

  it('gives the hand-computed values on a two-micro-batch example (reference)', () => {
    expect(moeReferenceLbl(probs, mask, 1, 2, 'micro')).toBeCloseTo(1.5, 12);
    expect(moeReferenceLbl(probs, mask, 1, 2, 'global')).toBeCloseTo(1.0, 12);
  });

  it('gives the hand-computed values on a two-micro-batch example (tfjs)', () => {
    const [micro, global] = tf.tidy(() => [
      moeLoadBalancingLoss(tf.tensor2d(probs), tf.tensor2d(mask), 1, 2, 'micro').dataSync()[0]!,
      moeLoadBalancingLoss(tf.tensor2d(probs), tf.tensor2d(mask), 1, 2, 'global').dataSync()[0]!,
    ]);
    expect(micro).toBeCloseTo(1.5, 6);
    expect(global).toBeCloseTo(1.0, 6);
  });

  it('is 1 for an even load whatever the gates, with top-2 counting both slots', () => {
    // Top-2 of three experts: slots (1,2), (2,3), (1,3) → f = (1/3, 1/3, 1/3); Σ p/3 per expert sums to 1.
    const p = [
      [0.5, 0.3, 0.2],
      [0.1, 0.5, 0.4],
      [0.45, 0.1, 0.45],
    ];
    const m = [
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ];
    expect(moeReferenceLbl(p, m, 2, 1, 'global')).toBeCloseTo(1, 12);
    const value = tf.tidy(() => moeLoadBalancingLoss(tf.tensor2d(p), tf.tensor2d(m), 2, 1, 'micro').dataSync()[0]!);
    expect(value).toBeCloseTo(1, 6);
  });

  it('tfjs matches the reference on random routing, both scopes, to 1e-5', () => {
    const random = rng(3);
    const rows = Array.from({ length: 12 }, () => moeReferenceSoftmax([0, 1, 2, 3].map(() => 2 * random.normal())));
    const m = rows.map((row) => row.map((_, i) => (i === row.indexOf(Math.max(...row)) ? 1 : 0)));
    for (const scope of ['micro', 'global'] as const) {
      const value = tf.tidy(() => moeLoadBalancingLoss(tf.tensor2d(rows), tf.tensor2d(m), 1, 3, scope).dataSync()[0]!);
      expect(Math.abs(value - moeReferenceLbl(rows, m, 1, 3, scope))).toBeLessThan(1e-5);
    }
  });

  it('router z-loss matches the reference', () => {
    const z = [
      [1, -2, 0.5],
      [3, 0, -1],
    ];
    const value = tf.tidy(() => moeRouterZLoss(tf.tensor2d(z)).dataSync()[0]!);
    expect(Math.abs(value - moeReferenceZLoss(z))).toBeLessThan(1e-5);
  });
});

const SHAPE: MoeShape = { inputs: 2, outputs: 3, experts: 3, topK: 1, hidden: [4], activation: 'tanh' };

function points(seed: number, n: number): number[][] {
  const random = rng(seed);
  return Array.from({ length: n }, () => [random.normal(), random.normal()]);
}

/** Randomised weights (the router too, so routing is not uniform). */
function weights(shape: MoeShape, seed: number): DenseWeights[] {
  const layers = moeInitWeights(shape, seed);
  const random = rng(seed + 100);
  for (const layer of layers) {
    for (let i = 0; i < layer.w.length; i++) layer.w[i] = random.normal();
    for (let i = 0; i < layer.b.length; i++) layer.b[i] = 0.3 * random.normal();
  }
  return layers;
}

describe('mixture-of-experts forward', () => {
  for (const topK of [1, 2]) {
    it(`matches the plain-TypeScript reference with top-${topK} routing`, () => {
      const shape = { ...SHAPE, topK };
      const layers = weights(shape, 5);
      const xs = points(7, 10);
      const out = tf.tidy(() => {
        const f = moeForward(mlpWeightTensors(layers), tf.tensor2d(xs), shape);
        return { logits: f.logits.arraySync(), mask: f.mask.arraySync() };
      });
      xs.forEach((x, t) => {
        const ref = moeReferenceForward(layers, x, shape);
        expect(out.mask[t]).toEqual(ref.mask);
        ref.logits.forEach((v, k) => expect(Math.abs(out.logits[t]![k]! - v)).toBeLessThan(1e-5));
      });
    });
  }

  it('starts with every expert different and the router near uniform', () => {
    const layers = moeInitWeights(SHAPE, 1);
    expect(layers).toHaveLength(1 + SHAPE.experts * 2);
    expect(Array.from(layers[1]!.w)).not.toEqual(Array.from(layers[3]!.w));
    const ref = moeReferenceForward(layers, [0.5, -0.5], SHAPE);
    for (const p of ref.probs) expect(Math.abs(p - 1 / 3)).toBeLessThan(0.1);
  });
});

describe('gradient of the total objective', () => {
  // task loss (cross-entropy) + α·LBL + z·z-loss, over two micro-batches. fᵢ is a step function of
  // the weights (which experts are chosen) and carries no gradient; between its steps the
  // objective is smooth and autodiff must agree with finite differences of the reference.
  const alpha = 0.5;
  const zWeight = 0.05;
  const shape: MoeShape = { ...SHAPE, topK: 2 };
  const xs = points(11, 8);
  const labels = [0, 1, 2, 0, 1, 2, 2, 0];

  function referenceObjective(layers: DenseWeights[], scope: 'micro' | 'global'): { value: number; masks: number[][] } {
    const outs = xs.map((x) => moeReferenceForward(layers, x, shape));
    const ce = outs.reduce((s, o, t) => s - Math.log(moeReferenceSoftmax(o.logits)[labels[t]!]!), 0) / outs.length;
    const probs = outs.map((o) => o.probs);
    const masks = outs.map((o) => o.mask);
    const value = ce + alpha * moeReferenceLbl(probs, masks, shape.topK, 2, scope) + zWeight * moeReferenceZLoss(outs.map((o) => o.routerLogits));
    return { value, masks };
  }

  for (const scope of ['micro', 'global'] as const) {
    it(`autodiff agrees with finite differences (${scope}-batch LBL) where the routing does not change`, () => {
      const layers = weights(shape, 21);
      const grads = tf.tidy(() => {
        const params = mlpWeightTensors(layers);
        const x = tf.tensor2d(xs);
        const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), shape.outputs).toFloat() as Tensor2D;
        const g = tf.grads((...ps: Tensor[]) => {
          const f = moeForward(ps, x, shape);
          const ce = tf.losses.softmaxCrossEntropy(targets, f.logits);
          return tf.addN([ce, tf.mul(alpha, moeLoadBalancingLoss(f.probs, f.mask, shape.topK, 2, scope)), tf.mul(zWeight, moeRouterZLoss(f.routerLogits))]);
        })(params);
        return g.map((t) => Array.from(t.dataSync()));
      });
      const h = 1e-4;
      const base = referenceObjective(layers, scope).masks;
      let checked = 0;
      layers.forEach((layer, l) => {
        for (const [key, gIndex] of [['w', 2 * l] as const, ['b', 2 * l + 1] as const]) {
          const values = layer[key];
          for (let i = 0; i < values.length; i++) {
            const at = (delta: number) => {
              const copy = layers.map((d) => ({ ...d, w: Float64Array.from(d.w), b: Float64Array.from(d.b) }) as unknown as DenseWeights);
              copy[l]![key][i] = values[i]! + delta;
              return referenceObjective(copy, scope);
            };
            const plus = at(h);
            const minus = at(-h);
            if (JSON.stringify(plus.masks) !== JSON.stringify(base) || JSON.stringify(minus.masks) !== JSON.stringify(base)) continue;
            const fd = (plus.value - minus.value) / (2 * h);
            expect(Math.abs(grads[gIndex]![i]! - fd)).toBeLessThan(1e-3);
            checked += 1;
          }
        }
      });
      expect(checked).toBeGreaterThan(60);
    });
  }

  it('the gradient reaches the router through pᵢ only: with a uniform task loss and no z-loss, micro and global differ', () => {
    // Same weights, same points: the two scopes weigh pᵢ by different fᵢ, so the router's gradients differ.
    const layers = weights(shape, 4);
    const routerGrad = (scope: 'micro' | 'global') =>
      tf.tidy(() => {
        const params = mlpWeightTensors(layers);
        const x = tf.tensor2d(xs);
        // Only the router's weights reach the LBL; the experts' are held fixed.
        const g = tf.grads((w: Tensor, b: Tensor) => {
          const f = moeForward([w, b, ...params.slice(2)], x, shape);
          return moeLoadBalancingLoss(f.probs, f.mask, shape.topK, 2, scope);
        })(params.slice(0, 2));
        return Array.from(g[0]!.dataSync());
      });
    const micro = routerGrad('micro');
    const global = routerGrad('global');
    expect(micro.some((v, i) => Math.abs(v - global[i]!) > 1e-4)).toBe(true);
  });
});

describe('domains, micro-batches and routing statistics', () => {
  it('cuts the plane into angular sectors from the positive x₁ axis', () => {
    expect([moeDomainOf(1, 0.1, 4), moeDomainOf(-1, 0.1, 4), moeDomainOf(-1, -0.1, 4), moeDomainOf(1, -0.1, 4)]).toEqual([0, 1, 2, 3]);
    expect(moeDomainOf(1, 1, 2)).toBe(0);
    expect(moeDomainOf(1, -1, 2)).toBe(1);
    expect(Array.from(moeDomains([1, 1, -1, 1, 0, -2], 2, 4))).toEqual([0, 1, 3]);
  });

  it('draws each micro-batch from a single domain and visits every domain equally', () => {
    const domains = Int32Array.from({ length: 40 }, (_, i) => i % 4);
    const sampler = new MoeBatchSampler(domains, 4, 9);
    const seen = [0, 0, 0, 0];
    for (let s = 0; s < 4; s++) {
      const { indices, domains: batchDomains } = sampler.next(2, 5);
      for (let j = 0; j < 2; j++) {
        seen[batchDomains[j]!]! += 1;
        for (let t = 0; t < 5; t++) expect(domains[indices[j * 5 + t]!]).toBe(batchDomains[j]);
      }
    }
    expect(seen).toEqual([2, 2, 2, 2]);
  });

  it('measures specialisation as mutual information between domain and top expert', () => {
    const domains = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
    const oneHot = (e: number) => [0, 1, 2, 3].map((i) => (i === e ? 0.97 : 0.01));
    // Each domain to its own expert: I = log₂ 4 = 2 bits, every domain wholly on its top expert.
    const specialised = moeRoutingStats(Array.from(domains).flatMap((d) => oneHot(d)), 4, 1, domains, 4);
    expect(specialised.specialisation).toBeCloseTo(2, 9);
    expect(specialised.topShare).toBe(1);
    expect(specialised.load).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(specialised.maxLoadRatio).toBeCloseTo(1, 12);
    // Every domain split evenly over two experts (0 and 1), so the expert says nothing of the domain.
    const mixed = moeRoutingStats([0, 1, 0, 1, 0, 1, 0, 1].flatMap((e) => oneHot(e)), 4, 1, domains, 4);
    expect(mixed.specialisation).toBeCloseTo(0, 9);
    expect(mixed.topShare).toBe(0.5);
    expect(mixed.maxLoadRatio).toBeCloseTo(2, 12);
    const h = -(0.97 * Math.log2(0.97) + 3 * 0.01 * Math.log2(0.01));
    expect(mixed.routerEntropy).toBeCloseTo(h, 9);
  });
});
