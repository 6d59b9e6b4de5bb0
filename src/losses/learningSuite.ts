// Every loss, at its defaults, learns a 2-class dataset (train accuracy ≥ majority rate + 0.2)
// or says why it cannot. One file per dataset, so the three run side by side.
import { describe, expect, it } from 'vitest';
import { LOSSES } from './registry';
import { trainAtDefaults } from './learningCheck';

export const LEARNING_MARGIN = 0.2;

export function describeLearning(kind: string): void {
  describe(`every loss at its defaults on ${kind}, 2 classes`, () => {
    it.each(LOSSES.map((loss) => [loss.id, loss] as const))('%s learns or is disabled with a reason', async (_id, loss) => {
      const reason = loss.unavailableReason(2);
      if (reason !== null) {
        expect(reason.length).toBeGreaterThan(20);
        return;
      }
      const result = await trainAtDefaults(kind, loss.id);
      // One line per loss, so the numbers show in the test log.
      console.log(`learning ${kind} ${loss.id}: train accuracy ${result.trainAccuracy.toFixed(3)}, majority ${result.majorityRate.toFixed(3)}, loss ${result.finalLoss.toFixed(4)}`);
      expect(result.trainAccuracy).toBeGreaterThanOrEqual(result.majorityRate + LEARNING_MARGIN);
    }, 60_000);
  });
}
