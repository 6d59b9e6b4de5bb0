// The hidden-layer nonlinearities in plain TypeScript, float64: what the float64 references
// (moeReference.ts, preferenceReference.ts) check mlpActivate against.
import type { Activation } from './mlp';

export function activationReference(v: number, activation: Activation): number {
  switch (activation) {
    case 'relu':
      return Math.max(0, v);
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'linear':
      return v;
  }
}
