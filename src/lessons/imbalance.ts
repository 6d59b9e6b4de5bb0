import type { Lesson } from './types';

/**
 * One class with a tenth of the points, overlapping the other. Cross-entropy against four losses
 * aimed at imbalance: focal (down-weights easy examples), soft Dice (a batch-level overlap score),
 * AnyLoss (here a differentiable F1) and logit-adjusted CE (adds τ·log prior to the logits while
 * training). Soft Dice rather than the per-example self-adjusting Dice: with two classes and its
 * default γ the latter settles at p = ½ everywhere on this data, which teaches nothing about imbalance.
 */
export const imbalance: Lesson = {
  id: 'imbalance',
  title: 'Class imbalance: focal, Dice, AnyLoss, logit adjustment',
  setup: 'One class has 10% of the points, and the two moons overlap. Five runs from the same weights: cross-entropy (A), focal (B), soft Dice (C), AnyLoss optimising F1 (D) and logit-adjusted cross-entropy (E). Train for about 800 steps.',
  question: 'Cross-entropy will reach about 90% accuracy by saying "majority" almost everywhere. Which losses will move the boundary into the majority class to find more minority points, and what will that cost in accuracy?',
  lookFor: [
    'Compare the boundaries side by side: how much of the overlap does each run give to the minority class? Cross-entropy gives it little; logit adjustment gives it the most.',
    'Accuracy barely rewards finding the minority class: logit adjustment has the lowest accuracy here, on purpose. It trains as if the classes were balanced (adding τ·log prior to the logits), which aims at balanced accuracy, where every class counts the same.',
    'AnyLoss optimises a smoothed F1, which counts the minority class’s hits and misses; soft Dice is the same idea measured on the overlap of predicted and true classes. Focal loss only down-weights easy examples, whichever class they belong to.',
  ],
  config: {
    data: { kind: 'moons', points: 600, noise: 1, minorityFraction: 0.1, seed: 5 },
    model: { layers: 1, width: 16, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.03 },
    training: { totalSteps: 800 },
    compare: { runs: [{ loss: { id: 'focal' } }, { loss: { id: 'soft-dice' } }, { loss: { id: 'anyloss' } }, { loss: { id: 'logit-adjusted' } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: false },
  },
};
