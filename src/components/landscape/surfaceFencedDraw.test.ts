import { afterEach, describe, expect, it, vi } from 'vitest';
import { gpuDone } from './surfaceFencedDraw';

/** The few WebGL 2 calls gpuDone makes, answering "not yet" `pending` times before "signalled". */
function fenceGl(pending: number, { lost = false } = {}) {
  const calls: string[] = [];
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    TIMEOUT_EXPIRED: 0x911b,
    ALREADY_SIGNALED: 0x911a,
    fenceSync: () => (calls.push('fence'), {}),
    flush: () => void calls.push('flush'),
    isContextLost: () => lost,
    clientWaitSync: (_sync: object, _flags: number, timeout: number) => {
      calls.push(`wait ${timeout}`);
      return pending-- > 0 ? 0x911b : 0x911a;
    },
    deleteSync: () => void calls.push('delete'),
  };
  return { gl: gl as unknown as WebGL2RenderingContext, calls };
}

describe('gpuDone', () => {
  afterEach(() => vi.useRealTimers());

  it('flushes, then polls the fence without blocking (zero timeout), in later tasks, until it is signalled', async () => {
    vi.useFakeTimers();
    const { gl, calls } = fenceGl(2);
    let done = false;
    void gpuDone(gl).then(() => (done = true));
    expect(calls).toEqual(['fence', 'flush']); // no poll in the task that set the fence
    await vi.advanceTimersByTimeAsync(4);
    expect(calls.filter((c) => c.startsWith('wait'))).toEqual(['wait 0']);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(8);
    expect(done).toBe(true);
    expect(calls).toEqual(['fence', 'flush', 'wait 0', 'wait 0', 'wait 0', 'delete']);
  });

  it('resolves at once on a lost context, which never signals', async () => {
    vi.useFakeTimers();
    const { gl, calls } = fenceGl(1000, { lost: true });
    let done = false;
    void gpuDone(gl).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4);
    expect(done).toBe(true);
    expect(calls).not.toContain('wait 0');
  });
});
