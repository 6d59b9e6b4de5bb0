import { atLeast, claimResult, run } from './claimCheck';
import type { ClaimRunNumbers } from './claimTypes';
import type { Lesson } from './types';

/** The class with the fewest training points. */
function minority(r: ClaimRunNumbers): number {
  return r.trainClassCounts.indexOf(Math.min(...r.trainClassCounts));
}

/**
 * The claim's numbers are of the validation and test points together, read off the drawn
 * boundary (48 × 48 cells); the comparison table's recall is of the test split alone, from the
 * model's own predictions. The labels say which, so the two never read as one number twice.
 */
export const HELD_OUT_MINORITY_RECALL = 'E − A: minority recall (validation + test points, off the drawn boundary)';
export const HELD_OUT_BALANCED_ACCURACY = 'E − A: balanced accuracy (validation + test points, off the drawn boundary)';

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * One class with a tenth of the points, overlapping the other. Cross-entropy against four losses
 * aimed at imbalance: focal (down-weights easy examples), soft Dice (a batch-level overlap score),
 * AnyLoss (here a differentiable balanced accuracy, its default) and logit-adjusted CE (adds τ·log prior to the logits while
 * training). Soft Dice rather than the per-example self-adjusting Dice: with two classes and its
 * default γ the latter settles at p = ½ everywhere on this data, which teaches nothing about imbalance.
 */
export const imbalance: Lesson = {
  id: 'imbalance',
  title: 'Class imbalance: focal, Dice, AnyLoss, logit adjustment',
  setup: 'One class has 10% of the points, and the two moons overlap. Five runs from the same weights: cross-entropy (A), focal (B), soft Dice (C), AnyLoss optimising balanced accuracy (D) and logit-adjusted cross-entropy (E). Play stops at step 500.',
  question: 'Cross-entropy will reach about 90% accuracy by saying "majority" almost everywhere. Which losses will move the boundary into the majority class to find more minority points, and what will that cost in accuracy?',
  lookFor: [
    'Compare the boundaries side by side: how much of the overlap does each run give to the minority class? Cross-entropy gives it little: about half of the held-out minority points or fewer lie on its minority side. Logit adjustment and AnyLoss give it far more.',
    'Accuracy barely rewards finding the minority class: logit adjustment’s accuracy is no better than cross-entropy’s, often a little worse, while it finds many more minority points. It trains as if the classes were balanced (adding τ·log prior to the logits), which aims at balanced accuracy, the mean of the per-class recalls, where every class counts the same. The claim’s numbers read recall off the drawn boundary, on the validation and test points together; the runs table’s test recall, balanced accuracy and macro-F1 columns are of the test split alone, from the model’s predictions, and tell the same story.',
    'AnyLoss optimises a smoothed balanced accuracy, the mean recall of the two classes, so the minority class’s hits count as much as the majority’s (its metric menu also offers F1); soft Dice is the same idea measured on the overlap of predicted and true classes. Focal loss only down-weights easy examples, whichever class they belong to.',
  ],
  claim: {
    text: 'Logit-adjusted cross-entropy (E) finds more of the minority class than cross-entropy (A): of the held-out minority points, the share on its minority side is at least 0.1 higher, and its balanced accuracy (mean recall over the two classes, read off the boundary) is higher too.',
    holdsAt: [0.5, 1, 2],
    check(runs) {
      const a = run(runs, 0);
      const e = run(runs, 4);
      const k = minority(a);
      return claimResult([
        atLeast(HELD_OUT_MINORITY_RECALL, (e.heldOutRecall[k] ?? NaN) - (a.heldOutRecall[k] ?? NaN), 0.1),
        atLeast(HELD_OUT_BALANCED_ACCURACY, mean(e.heldOutRecall) - mean(a.heldOutRecall), 0),
      ]);
    },
  },
  config: {
    data: { kind: 'moons', points: 600, noise: 1, minorityFraction: 0.1, seed: 5 },
    model: { layers: 1, width: 16, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.03 },
    training: { totalSteps: 500 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ loss: { id: 'focal' } }, { loss: { id: 'soft-dice' } }, { loss: { id: 'anyloss' } }, { loss: { id: 'logit-adjusted' } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: false },
  },
};
