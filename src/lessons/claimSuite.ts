import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../engine/tf';
import { LESSONS } from './registry';
import { lessonRunHeadless } from './claimHeadless';

/** Every claim is checked on these seeds (the data's and the weights'). */
export const CLAIM_SEEDS = [1, 2, 3] as const;

/**
 * Registers the claim tests of every `of`-th lesson starting at `part`, so that the lessons split
 * over test files that run side by side. Each lesson runs once per seed to the largest multiple of
 * its length its words promise, and its claim is checked at every multiple on the way.
 * The WebAssembly backend, as in the browser lesson e2e, and faster here than the plain-JS one.
 */
export function lessonClaimSuite(part: number, of: number): void {
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await tf.setBackend('wasm');
    await tf.ready();
  });

  describe.each(LESSONS.filter((_, i) => i % of === part).map((l) => [l.id, l] as const))('lesson %s: its claim', (_, lesson) => {
    it.each(CLAIM_SEEDS)('holds on seed %i at every length its words promise', async (seed) => {
      const checks = await lessonRunHeadless(lesson, seed, lesson.claim.holdsAt);
      // LESSON_CLAIMS_REPORT=<file>: one JSON line per check, with every number the claim looked at.
      const report = process.env.LESSON_CLAIMS_REPORT;
      if (report) {
        for (const { multiple, step, result } of checks) appendFileSync(report, JSON.stringify({ lesson: lesson.id, seed, multiple, step, held: result.held, numbers: result.numbers }) + '\n');
      }
      for (const check of checks) {
        const failed = check.result.numbers.filter((n) => !n.ok).map((n) => `${n.label} = ${n.value} (wanted ${n.wanted})`);
        expect(check.result.held, `${lesson.id}, seed ${seed}, ${check.multiple}×T (step ${check.step}): ${failed.join('; ')}`).toBe(true);
      }
    }, 600_000);
  });
}
