import type { Lesson } from './types';

/**
 * A third of the training labels flipped on two Gaussians, and a network with room to memorise
 * them. Cross-entropy against three losses built to be robust to noisy labels: MAE and GCE are
 * bounded members of the comp-sum family, LDR-KL puts a distributionally robust weight on rivals.
 */
export const labelNoise: Lesson = {
  id: 'label-noise',
  title: 'Noisy labels: CE vs MAE vs GCE vs LDR-KL',
  setup: '30% of the training labels are flipped (crossed points). Four runs from the same weights: cross-entropy (A), mean absolute error (B), generalized cross-entropy (C) and LDR-KL (D). Train for about 1,500 steps.',
  question: 'Cross-entropy can fit every training label, flipped ones included. Which run will have the best test accuracy at the end, and which one will fit the flipped points?',
  lookFor: [
    'Cross-entropy’s training loss keeps falling while its validation loss turns and rises: it is memorising the flipped labels. Its boundary grows small islands around them.',
    'An unbounded loss lets one badly wrong example pull as hard as it likes. MAE is bounded (at most 2 per example), so flipped points cannot dominate: its training accuracy stays near 70%, the share of clean labels, while its test accuracy is the best. On harder data (try the spiral) the price shows: MAE learns slowly or stalls.',
    'GCE (q = 0.7) and LDR-KL (λ = 1) sit in between: robust in theory, they still bend towards the flipped points with a network this large. Compare the test accuracies in the table and the boundaries side by side, then try GCE with q = 1 or LDR-KL with a larger λ.',
  ],
  config: {
    data: { kind: 'gauss', points: 400, noise: 0.4, labelNoise: 0.3, labelNoiseKind: 'symmetric', seed: 2 },
    model: { layers: 3, width: 24, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 1500 },
    compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }, { loss: { id: 'ldr-kl' } }] },
    views: { lossShape: true, calibration: false, sharpness: false, telemetry: false },
  },
};
