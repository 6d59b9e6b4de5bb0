import { afterEach, describe, expect, it, vi } from 'vitest';
import { backendCacheGet, backendCacheKey, backendCachePut, isCachedChoice } from './backendCache';
import type { CachedChoice } from './backendDecision';

const entry: CachedChoice = {
  device: 'no webgpu|2 cores|tfjs 4.22.0',
  sizeClass: 'train:8',
  choice: { backend: 'wasm', strategy: null, rate: 600, source: 'measured', trials: [{ backend: 'wasm', strategy: null, rate: 600 }], sizeClass: 'train:8' },
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('backendCache: storage that is missing, blocked, full or silent is an empty cache', () => {
  it('has no IndexedDB in Node: nothing stored, nothing read, no error', async () => {
    expect(typeof indexedDB).toBe('undefined');
    expect(await backendCacheGet('k')).toBeNull();
    expect(await backendCachePut('k', entry)).toBe(false);
  });

  it('answers nothing when opening throws (storage blocked)', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(await backendCacheGet('k')).toBeNull();
    expect(await backendCachePut('k', entry)).toBe(false);
  });

  it('answers nothing when opening fails (quota exceeded) or never answers', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        const request: Record<string, unknown> = { error: new DOMException('full', 'QuotaExceededError') };
        setTimeout(() => (request.onerror as () => void)(), 0);
        return request;
      },
    });
    expect(await backendCachePut('k', entry)).toBe(false);
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    vi.useFakeTimers();
    const pending = backendCacheGet('k');
    await vi.advanceTimersByTimeAsync(600);
    expect(await pending).toBeNull();
  });

  it('keys by worker, device and size class, and accepts only entries shaped like a choice', () => {
    expect(backendCacheKey('train', 'gpu', 'train:8')).toBe('train|gpu|train:8');
    expect(isCachedChoice(entry)).toBe(true);
    expect(isCachedChoice(null)).toBe(false);
    expect(isCachedChoice({ device: 'x', sizeClass: 'y' })).toBe(false);
    expect(isCachedChoice({ ...entry, choice: { backend: 'wasm' } })).toBe(false);
  });
});
