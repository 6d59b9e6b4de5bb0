import { atLeast, claimResult, run, within } from './claimCheck';
import type { Lesson } from './types';

/**
 * 30% of the training labels flipped on two Gaussians, and a network with room to memorise
 * them. Cross-entropy against three losses built to be robust to noisy labels: MAE and GCE are
 * bounded members of the comp-sum family, LDR-KL puts a distributionally robust weight on rivals.
 */
export const labelNoise: Lesson = {
  id: 'label-noise',
  title: 'Noisy labels: CE vs MAE vs GCE vs LDR-KL',
  setup: '30% of the training labels are flipped (crossed points). Four runs from the same weights: cross-entropy (A), mean absolute error (B), generalized cross-entropy (C) and LDR-KL (D). Play stops at step 800.',
  question: 'Cross-entropy can fit every training label, flipped ones included. Which run will have the best test accuracy at the end, and which one will fit the flipped points?',
  lookFor: [
    'Cross-entropy’s training loss keeps falling while its validation loss turns and rises: it is memorising the flipped labels. Its boundary grows small islands around them.',
    'An unbounded loss lets one badly wrong example pull as hard as it likes. MAE is bounded (at most 2 per example), so flipped points cannot dominate: its training accuracy stays near 70%, the share of clean labels, while its test accuracy is the best. On harder data (try the spiral) the price shows: MAE learns slowly or stalls.',
    'GCE (q = 0.7) and LDR-KL (λ = 1) sit in between: robust in theory, they still bend towards the flipped points with a network this large. Compare the test accuracies in the table and the boundaries side by side, then try GCE with q = 1 or LDR-KL with a larger λ.',
  ],
  claim: {
    text: 'MAE’s test accuracy (B) is at least 0.1 above cross-entropy’s (A), and MAE fits about the clean labels only: its training accuracy is within 0.05 of 70%, the share of labels not flipped.',
    holdsAt: [0.5, 1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      return claimResult([
        atLeast('B − A: test accuracy (MAE − CE)', b.testAccuracy - a.testAccuracy, 0.1),
        within('B: training accuracy (MAE)', b.trainAccuracy, 0.65, 0.75),
      ]);
    },
  },
  config: {
    data: { kind: 'gauss', points: 300, noise: 0.4, labelNoise: 0.3, labelNoiseKind: 'symmetric', seed: 2 },
    model: { layers: 3, width: 24, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 800 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }, { loss: { id: 'ldr-kl' } }] },
    views: { lossShape: true, calibration: false, sharpness: false, telemetry: false },
  },
};
