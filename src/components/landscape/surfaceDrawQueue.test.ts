import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputQuietKeyAt, QUIET_MS } from '../../app/inputQuiet';
import { drawQueueCancel, drawQueueLength, drawQueueRequest } from './surfaceDrawQueue';

/** requestAnimationFrame by hand: each call to `frame()` runs the callbacks waiting for it. */
function manualFrames() {
  let callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    callbacks.push(cb);
    return callbacks.length;
  });
  return () => {
    const now = callbacks;
    callbacks = [];
    for (const cb of now) cb(0);
  };
}

describe('surfaceDrawQueue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('draws one canvas per animation frame, oldest request first, each once however often it asked', () => {
    const frame = manualFrames();
    const drawn: string[] = [];
    const a = () => void drawn.push('a');
    const b = () => void drawn.push('b');
    const c = () => void drawn.push('c');
    drawQueueRequest(a);
    drawQueueRequest(b);
    drawQueueRequest(a);
    drawQueueRequest(c);
    expect(drawn).toEqual([]);
    frame();
    expect(drawn).toEqual(['a']);
    frame();
    expect(drawn).toEqual(['a', 'b']);
    drawQueueRequest(a);
    frame();
    frame();
    expect(drawn).toEqual(['a', 'b', 'c', 'a']);
    frame();
    expect(drawn).toHaveLength(4);
    expect(drawQueueLength()).toBe(0);
  });

  it('starts the next draw only once an asynchronous one has settled, in a later frame', async () => {
    const frame = manualFrames();
    const drawn: string[] = [];
    let finishA = (): void => {};
    const a = () => {
      drawn.push('a');
      return new Promise<void>((resolve) => (finishA = resolve));
    };
    const b = () => void drawn.push('b');
    drawQueueRequest(a);
    drawQueueRequest(b);
    frame();
    expect(drawn).toEqual(['a']);
    frame();
    frame();
    expect(drawn).toEqual(['a']); // a is still drawing: b waits, whatever the frames
    drawQueueRequest(a); // asked for again while drawing: drawn again after b
    finishA();
    await Promise.resolve();
    expect(drawn).toEqual(['a']);
    frame();
    expect(drawn).toEqual(['a', 'b']);
    frame();
    expect(drawn).toEqual(['a', 'b', 'a']);
    finishA();
    await Promise.resolve();
    frame();
    expect(drawn).toEqual(['a', 'b', 'a']);
    expect(drawQueueLength()).toBe(0);
  });

  it('forgets a cancelled draw', () => {
    const frame = manualFrames();
    const drawn: string[] = [];
    const a = () => void drawn.push('a');
    const b = () => void drawn.push('b');
    drawQueueRequest(a);
    drawQueueRequest(b);
    drawQueueCancel(a);
    frame();
    frame();
    expect(drawn).toEqual(['b']);
  });

  it('holds draws back for a moment after a keystroke, so the typed character paints first', () => {
    vi.useFakeTimers();
    const frame = manualFrames();
    const drawn: string[] = [];
    inputQuietKeyAt(performance.now());
    drawQueueRequest(() => void drawn.push('a'));
    frame();
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(QUIET_MS);
    frame();
    expect(drawn).toEqual(['a']);
  });
});
