import type { PreferencePoint } from '../../workers/protocol';
import type { PreferenceLesson } from './types';
import { atLeast, atMost, pointFirst, pointLast } from './claimPoints';

/** Retain-set probability lost per unit of forget-set probability removed, start to now. */
function retainCost(series: readonly PreferencePoint[]): number {
  const first = pointFirst(series);
  const last = pointLast(series);
  return (first.retainProb - last.retainProb) / Math.max(1e-6, first.forgetProb - last.forgetProb);
}

export const npoUnlearning: PreferenceLesson = {
  id: 'npo-unlearning',
  title: 'Unlearning: gradient ascent collapses, NPO does not',
  setup: 'A policy fine-tuned on every prompt’s best response unlearns a topic (the 20 % of prompts nearest a point) by gradient ascent (run A) and by NPO (run B), with plain gradient descent for 40 steps.',
  question: 'Both runs push the forget set’s answers down. What happens to the answers that should stay?',
  lookFor: [
    'Gradient ascent keeps pushing at full strength however low π(y_f) already is, so the logits blow up and the retain set’s answers go with them.',
    'NPO’s gradient is gradient ascent’s times 2π^β/(π^β + π_ref^β): it fades once a response is forgotten, so the retain set survives far longer for the same forgetting.',
  ],
  claim: {
    text: 'For each unit of forget-set probability removed, gradient ascent loses at least 1.5 times as much retain-set probability as NPO, and its retain-set probability falls below 0.5.',
    holdsAt: [1, 2],
    check(runs) {
      const [ga, npo] = runs;
      if (!ga || !npo) throw new Error('the lesson compares two runs');
      const ratio = retainCost(ga) / Math.max(1e-6, retainCost(npo));
      const numbers = [
        atLeast('retain lost per forget removed: GA ÷ NPO', ratio, 1.5),
        atMost('GA: retain-set probability', pointLast(ga).retainProb, 0.5),
        atLeast('NPO: forget-set probability removed', pointFirst(npo).forgetProb - pointLast(npo).forgetProb, 0.2),
      ];
      return { held: numbers.every((n) => n.ok), numbers };
    },
  },
  config: {
    task: 'preference',
    data: { points: 120 },
    model: { layers: 2, width: 16, activation: 'tanh' },
    loss: { id: 'ga' },
    optimizer: { id: 'sgd', learningRate: 0.15 },
    training: { totalSteps: 40 },
    preference: { responses: 5, forgetFraction: 0.2, warmupSteps: 150 },
    compare: { runs: [{ loss: { id: 'npo', params: { beta: 1 } } }] },
  },
};
