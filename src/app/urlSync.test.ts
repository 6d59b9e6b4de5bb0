import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { useConfigStore } from './configStore';
import { urlSyncFlush, urlSyncStart, type UrlSyncWindow } from './urlSync';

/** A window with just enough location, history and popstate for urlSync. */
function fakeWindow(search: string) {
  const entries = [search];
  let at = 0;
  const listeners: (() => void)[] = [];
  const location = { pathname: '/', hash: '', search };
  const go = (url: string) => (location.search = new URL(url, 'http://x').search);
  const win = {
    location,
    history: {
      pushState: (_: unknown, __: string, url: string) => {
        go(url);
        entries.splice(at + 1, entries.length, location.search);
        at++;
      },
      replaceState: (_: unknown, __: string, url: string) => {
        go(url);
        entries[at] = location.search;
      },
    },
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
    removeEventListener: () => undefined,
  };
  const back = (steps = 1) => {
    at -= steps;
    location.search = entries[at]!;
    for (const listener of listeners) listener();
  };
  return { win: win as unknown as UrlSyncWindow, entries, back, location };
}

describe('urlSyncStart', () => {
  beforeEach(() => {
    useConfigStore.setState({ config: structuredClone(DEFAULT_CONFIG), revision: 1, notices: [] });
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('loads the URL, keeps the backend, pushes settled changes and coalesces quick ones', () => {
    const { win, entries, back, location } = fakeWindow('?v=1&points=300&backend=cpu');
    let time = 0;
    const stop = urlSyncStart(win, () => time);
    expect(useConfigStore.getState().config.data.points).toBe(300);
    const setNoise = (noise: number) => useConfigStore.getState().update((c) => void (c.data.noise = noise));
    time = 1000;
    setNoise(0.2);
    time = 1200;
    setNoise(0.3); // within 500 ms: the same entry
    time = 1300;
    setNoise(0.4);
    expect(location.search).toBe('?v=1&points=300&noise=0.2&backend=cpu'); // the drag's last value follows shortly
    vi.advanceTimersByTime(100);
    expect(location.search).toBe('?v=1&points=300&noise=0.4&backend=cpu');
    time = 1350;
    setNoise(0.45);
    urlSyncFlush(); // as Copy link does
    expect(location.search).toBe('?v=1&points=300&noise=0.45&backend=cpu');
    time = 1400;
    setNoise(0.4);
    vi.advanceTimersByTime(100);
    time = 3000;
    useConfigStore.getState().update((c) => void (c.data.kind = 'xor'));
    expect(entries).toEqual(['?v=1&points=300&backend=cpu', '?v=1&points=300&noise=0.4&backend=cpu', '?v=1&data=xor&points=300&noise=0.4&backend=cpu']);
    back();
    expect(useConfigStore.getState().config.data).toMatchObject({ kind: 'circle', noise: 0.4 });
    back();
    expect(useConfigStore.getState().config.data).toMatchObject({ kind: 'circle', noise: 0.1, points: 300 });
    expect(location.search).toBe('?v=1&points=300&backend=cpu');
    expect(entries).toHaveLength(3); // going back wrote nothing
    stop();
  });

  it('shows what a malformed link changed and rewrites it to what runs', () => {
    const { win, location } = fakeWindow('?points=abc&layers=99&zzz=1&backend=cpu');
    const revision = useConfigStore.getState().revision;
    urlSyncStart(win, () => 0)();
    const state = useConfigStore.getState();
    expect(state.config.model.layers).toBe(6);
    expect(state.notices.join('; ')).toMatch(/zzz.*points=abc.*layers=99 → 6/);
    expect(state.revision).toBe(revision + 1);
    expect(location.search).toBe('?v=1&layers=6&backend=cpu');
  });

  it('leaves a plain address and the config alone', () => {
    const { win, location } = fakeWindow('');
    urlSyncStart(win, () => 0)();
    expect(useConfigStore.getState().revision).toBe(1);
    expect(location.search).toBe('');
  });
});
