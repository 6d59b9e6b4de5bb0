import { atLeast, claimResult, required, run } from './claimCheck';
import type { Lesson } from './types';

/**
 * A large network trained long on moons that overlap: cross-entropy drives confidence
 * towards 1 on points it still gets wrong. Temperature scaling (fitted on the validation split)
 * and mixup are the two remedies shown; the calibration view holds both.
 */
export const calibration: Lesson = {
  id: 'calibration',
  title: 'Overconfidence, temperature scaling and mixup',
  setup: 'Two runs of the same network: plain cross-entropy (A) and cross-entropy with mixup (B). The calibration view is open; Play stops at step 800.',
  question: 'When run A says it is 95% sure, will it be right 95% of the time? After temperature scaling, which run will have the lower calibration error?',
  lookFor: [
    'Run A’s test accuracy settles early, but its confidence keeps climbing: the reliability diagram sinks below the diagonal and ECE stays high, or rises, while the training loss still falls.',
    'Temperature scaling divides the logits by one number T*, fitted on the validation split. T* above 1 means the model was overconfident; the "after" numbers show ECE on the test split once T* is applied.',
    'Mixup trains on blends of pairs of points with blended labels, so the model is never asked for certainty between classes. Its ECE is far lower than run A’s without any scaling, its own T* is near 1, and its test accuracy is as good or better: it overfits less.',
  ],
  claim: {
    text: 'Run A is overconfident: its ECE is at least 0.1 and the fitted T* is at least 2. Mixup (B) is far better calibrated as trained: its T* is at most a third of A’s, and its ECE is at least 0.03 below A’s.',
    holdsAt: [0.5, 1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      const eceA = required('A’s ECE', a.ece);
      return claimResult([
        atLeast('A: ECE', eceA, 0.1),
        atLeast('A: T*', required('A’s T*', a.temperature), 2),
        atLeast('A’s T* ÷ B’s T*', required('A’s T*', a.temperature) / required('B’s T*', b.temperature), 3),
        atLeast('A − B: ECE', eceA - required('B’s ECE', b.ece), 0.03),
      ]);
    },
  },
  config: {
    data: { kind: 'moons', points: 400, noise: 1, seed: 3 },
    model: { layers: 3, width: 24, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 800 },
    metrics: { calibrationEvery: 50, bins: 10, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ training: { mixup: 0.4 } }] },
    views: { lossShape: false, calibration: true, sharpness: false, telemetry: false },
  },
};
