import { describe, expect, it } from 'vitest';
import { configClamp } from '../../engine/config';
import { nextLoss } from './nextLoss';

describe('the loss a new compare run starts with', () => {
  const cases = [
    { task: 'classification', loss: 'ce' },
    { task: 'regression', loss: 'mse' },
    { task: 'preference', loss: 'dpo' },
    { task: 'preference', loss: 'npo' },
  ] as const;
  for (const { task, loss } of cases) {
    it(`${task}, run A on ${loss}: six runs each get a loss the task trains, without a notice`, () => {
      const used: string[] = [loss];
      for (let run = 1; run < 6; run++) used.push(nextLoss(task, loss, used));
      const config = { task, loss: { id: loss }, compare: { runs: used.slice(1).map((id) => ({ loss: { id } })) } };
      const clamped = configClamp(config);
      expect(clamped.changes).toEqual([]);
      expect([clamped.config.loss.id, ...clamped.config.compare.runs.map((r) => r.loss.id)]).toEqual(used);
      // The first new run compares something: a loss other than A's.
      expect(used[1]).not.toBe(loss);
    });
  }
});
