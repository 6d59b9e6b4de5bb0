import { atMost, claimResult, required, run, sharpnessMedian, within } from './claimCheck';
import type { Lesson } from './types';

const RATE = 0.01;
/** (2 + 2β₁)/((1 − β₁)η) at β₁ = 0.9. */
const LINE = 38 / RATE;

/**
 * "Adaptive Gradient Methods at the Edge of Stability" (Cohen et al. 2022): full-batch Adam
 * behaves like heavy-ball momentum on the preconditioned loss, stable only while the
 * preconditioned sharpness λ_max(P⁻¹H) stays below (2 + 2β₁)/((1 − β₁)η), 38/η for β₁ = 0.9.
 * In training it rises to that line and hovers there ("adaptive edge of stability"). The
 * sharpness view measures P⁻¹H for Adam and draws the 38/η line.
 */
export const adamEdge: Lesson = {
  id: 'adam-edge',
  title: 'Adam at the edge of stability',
  setup: `Full-batch Adam (η = ${RATE}, β₁ = 0.9) on a small network with squared error. For Adam the sharpness view measures the preconditioned sharpness, the largest curvature of the loss after Adam’s per-weight scaling, every 20 steps. 600 steps.`,
  question: `For gradient descent the sharpness stops at 2/η. Adam divides each step by a running gradient size, so the plain sharpness tells little. The theory says the preconditioned sharpness is stable below (2 + 2β₁)/((1 − β₁)η) = 38/η = ${LINE}. Will Adam stay far below that line, or climb to it?`,
  lookFor: [
    `The preconditioned sharpness rises quickly and then hovers around the dashed 38/η = ${LINE} line instead of crossing it for good: Adam too trains at its edge of stability.`,
    'Why it does not blow up: when an update overshoots along the sharpest direction, the gradients there grow, Adam’s running gradient size grows with them, and the preconditioned sharpness falls back below the line. Adam regulates its own effective step size.',
    'Try η = 0.005 or 0.02: the line moves to 38/η and the sharpness follows it.',
  ],
  claim: {
    text: `Over the second half of the run, the median preconditioned sharpness λ_max(P⁻¹H) is within 20% of 38/η = ${LINE}, and no estimate exceeds it by more than 50%.`,
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const settled = required('the preconditioned sharpness', sharpnessMedian(a, a.step / 2)?.eigenvalue ?? null);
      const line = required('the 38/η line', a.sharpness.at(-1)?.threshold ?? null);
      const highest = Math.max(...a.sharpness.filter((p) => p.step >= a.step / 2).map((p) => p.eigenvalue));
      return claimResult([
        within('median λ_max(P⁻¹H) ÷ 38/η, second half', settled / line, 0.8, 1.2),
        atMost('highest λ_max(P⁻¹H) ÷ 38/η, second half', highest / line, 1.5),
      ]);
    },
  },
  config: {
    data: { kind: 'circle', points: 200, noise: 0.1, seed: 7 },
    model: { layers: 2, width: 16, activation: 'tanh' },
    loss: { id: 'mse' },
    optimizer: { id: 'adam', learningRate: RATE, batchSize: 0 },
    training: { totalSteps: 600 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 20, telemetryEvery: 0 },
    views: { lossShape: false, calibration: false, sharpness: true, telemetry: false },
  },
};
