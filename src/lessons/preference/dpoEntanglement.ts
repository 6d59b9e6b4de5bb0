import type { PreferenceLesson } from './types';
import { atLeast, atMost, pointFirst, pointLast } from './claimPoints';

export const dpoEntanglement: PreferenceLesson = {
  id: 'dpo-entanglement',
  title: 'DPO lowers the chosen response too; RPO keeps it',
  setup: 'A policy over 5 responses learns from one preference pair per prompt, with DPO (run A) and RPO = DPO + SFT on y_w (run B), from the same weights, for 60 steps.',
  question: 'DPO is trained to prefer y_w over y_l. Will log π(y_w) go up?',
  lookFor: [
    'Under DPO both log π(y_w) and log π(y_l) fall, while the margin between them grows: the loss only asks for the gap.',
    'The cosine between ∇log π(y_w) and ∇log π(y_l) is large: pushing y_l down drags y_w along (gradient entanglement). The mass goes to responses that are in neither pair.',
    'RPO’s SFT term keeps log π(y_w) at or above where it started.',
  ],
  claim: {
    text: 'Under DPO log π(y_w) and log π(y_l) both fall by at least 0.3 while the margin passes 1; under RPO log π(y_w) ends at or above its start.',
    holdsAt: [1, 2],
    check(runs) {
      const [dpo, rpo] = runs;
      if (!dpo || !rpo) throw new Error('the lesson compares two runs');
      const numbers = [
        atMost('DPO: change of log π(y_w)', pointLast(dpo).logChosen - pointFirst(dpo).logChosen, -0.3),
        atMost('DPO: change of log π(y_l)', pointLast(dpo).logRejected - pointFirst(dpo).logRejected, -0.3),
        atLeast('DPO: margin', pointLast(dpo).margin, 1),
        atLeast('RPO: change of log π(y_w)', pointLast(rpo).logChosen - pointFirst(rpo).logChosen, 0),
      ];
      return { held: numbers.every((n) => n.ok), numbers };
    },
  },
  config: {
    task: 'preference',
    data: { points: 120 },
    model: { layers: 2, width: 16, activation: 'tanh' },
    loss: { id: 'dpo', params: { beta: 0.5 } },
    optimizer: { id: 'adam', learningRate: 0.01 },
    training: { totalSteps: 60 },
    preference: { responses: 5, labelNoise: 0.1 },
    compare: { runs: [{ loss: { id: 'rpo', params: { beta: 0.5, eta: 1 } } }] },
  },
};
