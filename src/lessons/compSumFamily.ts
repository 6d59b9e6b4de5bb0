import { atLeast, claimResult, run } from './claimCheck';
import type { Lesson } from './types';

/**
 * "Cross-Entropy Loss Functions: Theoretical Analysis and Applications" (Mao, Mohri, Zhong 2023):
 * the comp-sum losses Φ_τ(u), u = Σ_{k≠y} e^{z_k − z_y}, run from the sum exponential (τ = 0)
 * through cross-entropy (τ = 1) to the bounded 1 − p_y (τ = 2, MAE up to a factor). As τ grows
 * the loss flattens for badly wrong examples (its gradient there vanishes), so a flipped label
 * pulls less — robustness to label noise rises, at the price of slower learning on hard data.
 */
export const compSumFamily: Lesson = {
  id: 'comp-sum-family',
  title: 'The comp-sum family: from cross-entropy to MAE',
  setup: '30% of the training labels are flipped. Three runs of one loss family, the comp-sum losses, with τ = 1 (cross-entropy, A), τ = 1.5 (B) and τ = 2 (bounded, like MAE, C). Same weights, 500 steps.',
  question: 'One parameter slides the loss from cross-entropy (τ = 1) to the bounded 1 − p_y (τ = 2). Which run will fit the flipped labels, and which one will have the best test accuracy?',
  lookFor: [
    'In the loss-shape view, compare the three curves on the wrong side (negative margin): cross-entropy keeps rising, so a badly wrong point pulls hard; at τ = 2 the curve flattens out and its slope goes to zero, so a flipped label far inside the other class hardly pulls at all.',
    'Run A (cross-entropy) fits flipped labels: its training accuracy rises above the share of clean labels, and its test accuracy falls as it does. Run C stays near the clean share on the training set and keeps the best test accuracy.',
    'Run B (τ = 1.5) is bounded too, at 1/(τ − 1) = 2 per example, yet here it fits the flipped labels about as much as cross-entropy: a bound that high still lets a wrong point pull hard for a long while. The robustness is at the end of the family, near τ = 2. Its price shows on hard data (try the spiral): a loss that ignores badly wrong points also learns slowly from them.',
  ],
  claim: {
    text: 'At τ = 2 (run C) the test accuracy is at least 0.05 above cross-entropy’s (τ = 1, run A), and C fits fewer flipped labels: its training accuracy is at least 0.05 below A’s.',
    holdsAt: [0.5, 1, 2],
    check(runs) {
      const a = run(runs, 0);
      const c = run(runs, 2);
      return claimResult([
        atLeast('C − A: test accuracy', c.testAccuracy - a.testAccuracy, 0.05),
        atLeast('A − C: training accuracy (noisy labels)', a.trainAccuracy - c.trainAccuracy, 0.05),
      ]);
    },
  },
  config: {
    data: { kind: 'gauss', points: 300, noise: 0.4, labelNoise: 0.3, labelNoiseKind: 'symmetric', seed: 2 },
    model: { layers: 2, width: 24, activation: 'relu' },
    loss: { id: 'comp-sum', params: { tau: 1 } },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 500 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ loss: { id: 'comp-sum', params: { tau: 1.5 } } }, { loss: { id: 'comp-sum', params: { tau: 2 } } }] },
    views: { lossShape: true, calibration: false, sharpness: false, telemetry: false },
  },
};
