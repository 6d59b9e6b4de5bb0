import { atMost, claimResult, required, run, sharpnessMedian, within } from './claimCheck';
import type { Lesson } from './types';

/**
 * Full-batch gradient descent on a small tanh network with squared error (as in most of Cohen et
 * al.'s experiments: with cross-entropy, sharpness falls again late in training as the margins
 * grow, which muddies the picture), with the top Hessian eigenvalue measured every 20 steps. Classical analysis needs λ_max < 2/η for the loss to fall; in practice λ_max
 * rises during training ("progressive sharpening") until it reaches 2/η and then hovers there
 * while the loss keeps falling, unevenly (Cohen et al. 2021, "Gradient Descent on Neural Networks
 * Typically Occurs at the Edge of Stability"). Two learning rates show two different ceilings.
 */
export const edgeOfStability: Lesson = {
  id: 'edge-of-stability',
  title: 'Sharpness and the edge of stability',
  setup: 'Full-batch gradient descent on a small network with squared error; run A with step size 0.2, run B with 0.1, same start. The sharpness view measures λ_max, the largest curvature of the training loss, every 20 steps. Play stops at step 800.',
  question: 'Theory for a quadratic says gradient descent is stable only while λ_max stays below 2/η (10 for run A, 20 for run B). Will λ_max stay far below that line, cross it and blow up, or do something else?',
  lookFor: [
    'λ_max rises as training goes on: the network moves to sharper regions by itself. For run A it climbs until it meets the dashed 2/η line and then stays near it instead of crossing it for good.',
    'While λ_max sits at the edge, the training loss still falls, but no longer smoothly: small spikes and oscillations are the sign of steps that overshoot along the sharpest direction.',
    'Run B has a ceiling twice as high. It sharpens further and more slowly, and on some seeds (try a few) it stops sharpening before it reaches its edge at all: progressive sharpening ends once the loss is nearly fit. Either way it does not cross its line for good. Select a run’s tab to see its own threshold in the sharpness chart; the chart under the runs overlays both.',
  ],
  claim: {
    text: 'Run A sharpens up to its edge and stays there: its first λ_max is below 80% of 2/η = 10, and over the second half of the run its median λ_max is within 15% of 10. Run B does not cross its own, higher 2/η = 20 for good: its median λ_max over the second half is at most 15% above 20.',
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      const lineA = required('A’s 2/η line', a.sharpness[0]?.threshold ?? null);
      const settledA = required('A’s sharpness', sharpnessMedian(a, a.step / 2)?.eigenvalue ?? null);
      const lineB = required('B’s 2/η line', b.sharpness.at(-1)?.threshold ?? null);
      const settledB = required('B’s sharpness', sharpnessMedian(b, b.step / 2)?.eigenvalue ?? null);
      return claimResult([
        atMost('A: first λ_max ÷ 2/η', required('A’s first sharpness', a.sharpness[0]?.eigenvalue ?? null) / lineA, 0.8),
        within('A: median λ_max ÷ 2/η, second half', settledA / lineA, 0.85, 1.15),
        atMost('B: median λ_max ÷ its own 2/η, second half', settledB / lineB, 1.15),
      ]);
    },
  },
  config: {
    data: { kind: 'circle', points: 200, noise: 0.1, seed: 7 },
    model: { layers: 2, width: 16, activation: 'tanh' },
    loss: { id: 'mse' },
    optimizer: { id: 'sgd', learningRate: 0.2, batchSize: 0 },
    training: { totalSteps: 800 },
    metrics: { sharpnessEvery: 20, calibrationEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ optimizer: { learningRate: 0.1 } }] },
    views: { lossShape: false, calibration: false, sharpness: true, telemetry: false },
  },
};
