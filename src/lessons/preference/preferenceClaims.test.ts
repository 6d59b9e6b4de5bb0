import { describe, expect, it } from 'vitest';
import { PREFERENCE_LESSONS } from './list';
import { preferenceLessonRunHeadless } from './headless';

describe('preference lesson claims, on three seeds', () => {
  for (const lesson of PREFERENCE_LESSONS) {
    for (const seed of [1, 2, 3]) {
      it(`${lesson.id}, seed ${seed}: ${lesson.claim.text}`, async () => {
        const checks = await preferenceLessonRunHeadless(lesson, seed, lesson.claim.holdsAt);
        for (const { multiple, result } of checks) {
          const detail = result.numbers.map((n) => `${n.label} = ${n.value.toFixed(3)} (${n.wanted})`).join('; ');
          expect(result.held, `at ${multiple}×T: ${detail}`).toBe(true);
        }
      }, 60_000);
    }
  }

  it('each lesson asks a question and says what to look for', () => {
    for (const lesson of PREFERENCE_LESSONS) {
      expect(lesson.question.endsWith('?')).toBe(true);
      expect(lesson.lookFor.length).toBeGreaterThan(0);
    }
  });
});
