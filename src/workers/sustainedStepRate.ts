// The timing loop both training trials share (backendTrials.ts, preferenceTrial.ts).
import { tf } from '../engine/tf';

/**
 * Steps per second sustained over `budgetMs`: `stepChunk(count)` takes `count` steps and returns
 * the losses to read back, once per chunk, as the sessions do. Chunks are sized to about 25 ms
 * (100 ms on a GPU backend, where each readback drains the queue), after an untimed chunk that
 * pays first-use costs. The rate is over every timed chunk, not the fastest: some costs come now
 * and then (garbage collection, freeing memory), so the fastest single chunk would promise too much.
 */
export async function sustainedStepRate(stepChunk: (count: number) => tf.Scalar[], budgetMs: number, now: () => number): Promise<number> {
  const chunk = async (count: number): Promise<void> => {
    const losses = stepChunk(count);
    const stacked = tf.stack(losses);
    tf.dispose(losses);
    try {
      await stacked.data();
    } finally {
      stacked.dispose();
    }
  };
  await chunk(2);
  const gpu = ['webgpu', 'webgl'].includes(tf.getBackend());
  const target = Math.min(budgetMs / 3, gpu ? 100 : 25);
  const started = now();
  let steps = 0;
  let elapsed = 0;
  for (let count = 2; elapsed < budgetMs; count = Math.max(1, Math.round((target * steps) / elapsed))) {
    await chunk(count);
    steps += count;
    elapsed = Math.max(0.01, now() - started);
  }
  return (steps * 1000) / elapsed;
}
