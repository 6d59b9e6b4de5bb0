import { atLeast, atMost, claimResult, required, run, within } from './claimCheck';
import type { Lesson } from './types';

/**
 * "Small-scale proxies for large-scale Transformer training instabilities" (Wortsman et al.
 * 2023): softmax ignores a shift of all logits, so nothing holds their level, and under
 * cross-entropy on separable data the logits keep growing — output-logit divergence. Their
 * z-loss, λ·(log Z)² with log Z = logsumexp(z), pins log Z near 0. What it pins is the level,
 * not the spread: the margins (and so the logit norm) still grow under both, since separable
 * data always rewards a larger margin. Three far-apart blobs, so both runs fit every point.
 */
export const logitDrift: Lesson = {
  id: 'logit-drift',
  title: 'Logit drift and the z-loss penalty',
  setup: 'Three blobs far apart. Run A trains with cross-entropy, run B with cross-entropy plus the z-loss penalty λ·(log Z)², λ = 0.001, where log Z = logsumexp of the logits. 600 steps; the telemetry view shows the mean logit norm.',
  question: 'Both runs will classify every point correctly early on. What happens to the logits after that: do they settle, or keep growing? What does the z-loss penalty change?',
  lookFor: [
    'Run A’s logits keep growing after every point is right: on separable data cross-entropy always gains from a larger margin, and softmax does not care where the logits sit as a whole. Its log Z (in the claim’s numbers) is far above 0 and rises as long as you train: press Continue and check again.',
    'Run B’s log Z is pulled to near 0 within the first few hundred steps and stays there: the penalty pulls the largest logit down to about 0 while the others go negative. It fits the training points as well as run A.',
    'Look at the mean logit norm in the telemetry view: it grows in both runs. The z-loss bounds the level of the logits (what overflows in low precision), not their spread — the margin still grows, as it must on separable data.',
  ],
  claim: {
    text: 'With cross-entropy alone (A) the logits drift up: by T their mean log Z = logsumexp(z) is above 5. With the z-loss penalty (B) |log Z| is below 1.5, at the same training accuracy (within 0.02).',
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      return claimResult([
        atLeast('A: mean log Z (cross-entropy)', required('A’s log Z', a.meanLogSumExp), 5),
        atMost('B: |mean log Z| (with z-loss)', Math.abs(required('B’s log Z', b.meanLogSumExp)), 1.5),
        within('B − A: training accuracy', b.trainAccuracy - a.trainAccuracy, -0.02, 0.02),
      ]);
    },
  },
  config: {
    data: { kind: 'blobs', classes: 3, points: 200, noise: 0.1, seed: 3 },
    model: { layers: 1, width: 12, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.02 },
    training: { totalSteps: 600 },
    metrics: { calibrationEvery: 50, sharpnessEvery: 0, telemetryEvery: 10 },
    compare: { runs: [{ loss: { id: 'ce', addons: { 'z-reg': { lambda: 0.001 } } } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: true },
  },
};
