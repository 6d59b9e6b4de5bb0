// A mixture's experts as one wide MLP, for evaluating them together: every expert reads the same
// inputs, so their first layers side by side are one dense layer (inputs × N_E·h₁), and each later
// layer is one block-diagonal layer (N_E·in × N_E·out) whose blocks are the experts' own. The wide
// network's output holds every expert's logits side by side, [expert 0's K | expert 1's K | …].
// The construction is linear in the weights, so the wide layers of θ + α·d1 + β·d2 are the wide
// layers of θ, d1 and d2 combined the same way, and the surface's stacks can be built from them.
// A block-diagonal layer does N_E times the multiply-adds of the experts apart; in exchange each
// layer is one matMul rather than N_E, which is what costs on backends paying per op.
import type { DenseWeights } from '../mlp';

/**
 * The wide layers of a mixture's experts: `layers` is the mixture's [router, expert 0's layers…,
 * expert 1's…], each expert `depth` layers deep. The router is left out.
 */
export function moeWideLayers(layers: readonly DenseWeights[], experts: number, depth: number): DenseWeights[] {
  const expertLayer = (e: number, l: number): DenseWeights => layers[1 + e * depth + l]!;
  const wide: DenseWeights[] = [];
  for (let l = 0; l < depth; l++) {
    const { inputs, outputs } = expertLayer(0, l);
    // The first layer reads the shared inputs; later ones read their own expert's block only.
    const wideInputs = l === 0 ? inputs : experts * inputs;
    const wideOutputs = experts * outputs;
    const w = new Float32Array(wideInputs * wideOutputs);
    const b = new Float32Array(wideOutputs);
    for (let e = 0; e < experts; e++) {
      const layer = expertLayer(e, l);
      const rowStart = l === 0 ? 0 : e * inputs;
      for (let i = 0; i < inputs; i++) for (let o = 0; o < outputs; o++) w[(rowStart + i) * wideOutputs + e * outputs + o] = layer.w[i * outputs + o]!;
      b.set(layer.b, e * outputs);
    }
    wide.push({ inputs: wideInputs, outputs: wideOutputs, w, b });
  }
  return wide;
}

/**
 * The constant matrices that gate the wide output: `expand` (N_E × N_E·K) repeats each expert's
 * gate over its K logits, and `sum` (N_E·K × K) adds the experts' gated logits up, so
 * logits = (z ⊙ gates·expand)·sum = Σᵢ gᵢ·expertᵢ(x).
 */
export function moeGateMatrices(experts: number, classes: number): { expand: Float32Array; sum: Float32Array } {
  const expand = new Float32Array(experts * experts * classes);
  const sum = new Float32Array(experts * classes * classes);
  for (let e = 0; e < experts; e++) {
    for (let k = 0; k < classes; k++) {
      expand[e * experts * classes + e * classes + k] = 1;
      sum[(e * classes + k) * classes + k] = 1;
    }
  }
  return { expand, sum };
}
