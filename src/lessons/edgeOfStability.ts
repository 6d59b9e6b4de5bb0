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
    'Run B has a ceiling twice as high, so it sharpens further and reaches its edge later. Select a run’s tab to see its own threshold in the sharpness chart; the chart under the runs overlays both.',
  ],
  claim: {
    text: 'Both runs sharpen up to their own edge and stay there: the first λ_max of run A is below 80% of 2/η, and over the second half of the run each run’s median λ_max is within 15% of its 2/η (10 for A, 20 for B).',
    holdsAt: [1, 2],
    check(runs) {
      const numbers = [run(runs, 0), run(runs, 1)].flatMap((r, i) => {
        const name = i === 0 ? 'A' : 'B';
        const settled = sharpnessMedian(r, r.step / 2);
        const line = required(`${name}’s 2/η line`, settled?.threshold ?? null);
        return [within(`${name}: median λ_max ÷ 2/η, second half`, required(`${name}’s sharpness`, settled?.eigenvalue ?? null) / line, 0.85, 1.15)];
      });
      const a = run(runs, 0);
      const first = required('A’s first sharpness', a.sharpness[0]?.eigenvalue ?? null);
      return claimResult([atMost('A: first λ_max ÷ 2/η', first / required('A’s 2/η line', a.sharpness[0]?.threshold ?? null), 0.8), ...numbers]);
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
