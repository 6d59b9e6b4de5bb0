import { atLeast, atMost, claimResult, required, run } from './claimCheck';
import type { Lesson } from './types';

/**
 * "On the Limitations of Temperature Scaling for Distributions with Overlaps" (Chidambaram and
 * Ge, 2024): when the classes share support, a model trained by minimising CE is overconfident
 * where they overlap, and a single temperature cannot correct that region without spoiling the
 * others; mixup learns soft probabilities there directly. Moons at the highest noise, so that
 * much of the plane is shared by the two classes. (The paper's result is asymptotic; with a few
 * hundred points in two dimensions, mixup's ECE and scaled CE's are close and either may be
 * lower on a given seed, so the claim is about what holds on every seed: how far run A must be
 * scaled, what scaling leaves, and that mixup starts out better calibrated.)
 */
export const overlap: Lesson = {
  id: 'overlap',
  title: 'When temperature scaling falls short: overlapping classes',
  setup: 'Two moons at the highest noise, so a large part of the plane belongs to both classes. Plain cross-entropy (A) against cross-entropy with strong mixup (B), same weights. Play stops at step 800; the calibration view is open.',
  question: 'Temperature scaling divides every logit of run A by one number T*. Where the classes overlap, run A is sure of itself and right only about half the time; elsewhere it is sure and right. Can one number fix both regions?',
  lookFor: [
    'Look at run A’s T*: it runs far up its range, because the overlap needs the logits divided a lot. Even so, run A’s ECE after scaling stays clearly above zero: dividing every logit by the same number cannot make the overlap uncertain while keeping the clear regions confident.',
    'Run B (mixup) learns soft probabilities in the overlap directly: its own T* is near 1 (strong mixup can even leave it a little underconfident, T* below 1), so it needs little or no scaling. Compare its ECE with run A’s after scaling, in the table under the runs, and watch both over training: on data this small they are close, and which is lower changes from seed to seed.',
    'Then lower the data noise and train again: as the overlap shrinks, run A’s T* comes down and temperature scaling catches up. Small data sets make ECE noisy, so look at the trend over training, not at one number.',
  ],
  claim: {
    text: 'Run A needs a large temperature, T* ≥ 3 and at least three times mixup’s, and still has ECE ≥ 0.05 after scaling; mixup (B) has a lower ECE than A’s before any scaling.',
    holdsAt: [0.5, 1],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      const temperatureA = required('A’s T*', a.temperature);
      return claimResult([
        atLeast('A: T*', temperatureA, 3),
        atLeast('A’s T* ÷ B’s T*', temperatureA / required('B’s T*', b.temperature), 3),
        atLeast('A: ECE after scaling', required('A’s scaled ECE', a.eceScaled), 0.05),
        atMost('B − A: ECE, unscaled', required('B’s ECE', b.ece) - required('A’s ECE', a.ece), 0),
      ]);
    },
  },
  config: {
    data: { kind: 'moons', points: 400, noise: 1, seed: 4 },
    model: { layers: 3, width: 24, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 800 },
    metrics: { calibrationEvery: 50, bins: 10, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ training: { mixup: 1 } }] },
    views: { lossShape: false, calibration: true, sharpness: false, telemetry: false },
  },
};
