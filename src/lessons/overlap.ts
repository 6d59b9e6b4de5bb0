import type { Lesson } from './types';

/**
 * "On the Limitations of Temperature Scaling for Distributions with Overlaps": when the classes
 * share support, a model trained by minimising CE is overconfident where they overlap and nowhere
 * else, and a single temperature cannot correct one region without spoiling the others; mixup
 * can. Four blobs at the highest noise, so that much of the plane is shared by two classes.
 */
export const overlap: Lesson = {
  id: 'overlap',
  title: 'When temperature scaling fails: overlapping classes',
  setup: 'Four blobs at the highest noise, so neighbouring classes overlap widely. Plain cross-entropy (A) against cross-entropy with strong mixup (B), same weights. Train for about 1,500 steps with the calibration view open.',
  question: 'Temperature scaling fixed run A in the calibration lesson. Here the classes overlap. Will scaling run A still bring its ECE down to run B’s?',
  lookFor: [
    'Look at run A’s ECE before and after temperature scaling: scaling helps, but far less than in the calibration lesson, and T* runs to the end of its range. It cannot make the overlap uncertain while keeping the clear regions confident, because it divides every logit by the same number.',
    'Run B (mixup) learns soft probabilities in the overlap directly. Compare its ECE (no scaling needed) with run A’s after scaling, in the table under the runs.',
    'Then lower the data noise and train again: as the overlap shrinks, temperature scaling catches up. Small data sets make ECE noisy, so look at the trend over training, not at one number.',
  ],
  config: {
    data: { kind: 'blobs', classes: 4, points: 600, noise: 1, seed: 4 },
    model: { layers: 3, width: 32, activation: 'relu' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 1500 },
    metrics: { calibrationEvery: 50, bins: 10 },
    compare: { runs: [{ training: { mixup: 1 } }] },
    views: { lossShape: false, calibration: true, sharpness: false, telemetry: false },
  },
};
