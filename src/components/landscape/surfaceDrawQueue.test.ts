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
    const a = () => drawn.push('a');
    const b = () => drawn.push('b');
    const c = () => drawn.push('c');
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

  it('forgets a cancelled draw', () => {
    const frame = manualFrames();
    const drawn: string[] = [];
    const a = () => drawn.push('a');
    const b = () => drawn.push('b');
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
    drawQueueRequest(() => drawn.push('a'));
    frame();
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(QUIET_MS);
    frame();
    expect(drawn).toEqual(['a']);
  });
});
