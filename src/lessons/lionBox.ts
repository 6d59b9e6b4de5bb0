import { atLeast, atMost, claimResult, required, run } from './claimCheck';
import type { Lesson } from './types';

/** Lion's decoupled weight decay λ: run A's box is ‖θ‖∞ ≤ 1/λ. */
const LAMBDA = 2;

/**
 * "Lion Secretly Solves Constrained Optimization: As Lyapunov Predicts" (Chen et al. 2024): Lion
 * with decoupled weight decay λ and ηλ ≤ 1 solves the problem constrained to the box
 * ‖θ‖∞ ≤ 1/λ. The reason fits in a line: every step moves each weight by η·sign(c) and shrinks
 * it by ηλθ, so a weight at the edge θ = 1/λ can move at most back to it, and one outside shrinks
 * geometrically. Cross-entropy on separable moons wants ever larger weights, so without decay
 * (run B) they keep growing, one sign step at a time.
 */
export const lionBox: Lesson = {
  id: 'lion-box',
  title: 'Lion’s weight decay is a box',
  setup: `Two runs of the Lion optimizer on moons that separate cleanly: run A with weight decay λ = ${LAMBDA} (step size 0.01, so ηλ = 0.02 ≤ 1), run B without. 600 steps; the table shows each run’s largest weight, |θ|∞.`,
  question: `Lion moves every weight by the same amount each step, ±η, whatever its gradient. With weight decay λ = ${LAMBDA} on top, how large can any weight of run A become? And run B’s?`,
  lookFor: [
    `Run A’s largest weight ends at 1/λ = ${1 / LAMBDA} and, once inside the box |θ| ≤ 1/λ, never leaves it: with ηλ ≤ 1 a weight at the edge is pushed by at most η outwards and pulled by exactly ηλ·(1/λ) = η back. A weight that starts outside shrinks into the box by the factor 1 − ηλ each step. Weight decay with Lion is not a soft penalty but a hard box.`,
    'Run B has no box: cross-entropy on separable data always gains from larger weights, and Lion’s sign steps grow them by about η per step, so |θ|∞ keeps rising for as long as you train (Continue to watch it).',
    'The box has a price here: run A cannot make its weights large enough to fit every point as sharply as run B, so its accuracy is a little lower. Try λ = 1 (box 1) or λ = 0.5 (box 2).',
  ],
  claim: {
    text: `Run A’s largest weight |θ|∞ ends within 1/λ = ${1 / LAMBDA}, while run B’s (no decay) grows past 2/λ = ${2 / LAMBDA}.`,
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      // Float32 rounding may put a weight at the edge one unit in the last place outside.
      return claimResult([
        atMost('A: |θ|∞ (λ = 2)', required('A’s weights', a.weightMaxAbs), (1 / LAMBDA) * (1 + 1e-5)),
        atLeast('B: |θ|∞ (no decay)', required('B’s weights', b.weightMaxAbs), 2 / LAMBDA),
      ]);
    },
  },
  config: {
    data: { kind: 'moons', points: 200, noise: 0.1, seed: 2 },
    model: { layers: 2, width: 12, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'lion', learningRate: 0.01, params: { beta1: 0.9, beta2: 0.99, weightDecay: LAMBDA } },
    training: { totalSteps: 600 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ optimizer: { id: 'lion', learningRate: 0.01, params: { beta1: 0.9, beta2: 0.99, weightDecay: 0 } } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: false },
  },
};
