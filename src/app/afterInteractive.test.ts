import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackendInfo } from '../workers/protocol';

const WASM: BackendInfo = { name: 'wasm', reason: 'test', failures: [] };

async function fresh() {
  vi.resetModules();
  const store = await import('./trainingStore');
  const { afterInteractive } = await import('./afterInteractive');
  return { store, afterInteractive };
}

/** Whether a promise has settled after the timers and microtasks so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('afterInteractive', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the trainer’s backend (Play enabled) and then the first training frame', async () => {
    vi.useFakeTimers();
    const { store, afterInteractive } = await fresh();
    const waiting = afterInteractive();
    await vi.advanceTimersByTimeAsync(3000);
    expect(await settled(waiting)).toBe(false);
    store.useTrainingStore.setState({ backend: WASM });
    // Then the first training frame, or a second without one.
    expect(await settled(waiting)).toBe(false);
    store.useTrainingStore.setState({ step: 10 });
    expect(await settled(waiting)).toBe(true);
    // Later callers find it resolved.
    expect(await settled(afterInteractive())).toBe(true);
  });

  it('goes on a second after no backend could start, and in any case after a few seconds more', async () => {
    vi.useFakeTimers();
    const failed = await fresh();
    const waiting = failed.afterInteractive();
    failed.store.useTrainingStore.setState({ backendError: 'no backend' });
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(waiting)).toBe(true);

    const silent = await fresh();
    const late = silent.afterInteractive();
    await vi.advanceTimersByTimeAsync(7000);
    expect(await settled(late)).toBe(false);
    await vi.advanceTimersByTimeAsync(1500);
    expect(await settled(late)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(late)).toBe(true);
  });
});
