import type { Lesson } from './types';

/**
 * A large network trained long on moons that overlap: cross-entropy drives confidence
 * towards 1 on points it still gets wrong. Temperature scaling (fitted on the validation split)
 * and mixup are the two remedies shown; the calibration view holds both.
 */
export const calibration: Lesson = {
  id: 'calibration',
  title: 'Overconfidence, temperature scaling and mixup',
  setup: 'Two runs of the same network: plain cross-entropy (A) and cross-entropy with mixup (B). The calibration view is open; train for about 1,500 steps.',
  question: 'When run A says it is 95% sure, will it be right 95% of the time? After temperature scaling, which run will have the lower calibration error?',
  lookFor: [
    'Run A’s test accuracy settles early, but its confidence keeps climbing: the reliability diagram sinks below the diagonal and ECE rises while the training loss still falls.',
    'Temperature scaling divides the logits by one number T*, fitted on the validation split. T* above 1 means the model was overconfident; the "after" numbers show ECE on the test split once T* is applied.',
    'Mixup trains on blends of pairs of points with blended labels, so the model is never asked for certainty between classes. Its ECE stays low without any scaling, and here its test accuracy is higher too: it overfits less.',
  ],
  config: {
    data: { kind: 'moons', points: 500, noise: 1, seed: 3 },
    model: { layers: 3, width: 32, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 1500 },
    metrics: { calibrationEvery: 50, bins: 10 },
    compare: { runs: [{ training: { mixup: 0.4 } }] },
    views: { lossShape: false, calibration: true, sharpness: false, telemetry: false },
  },
};
