import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { lessonById, lessonConfig } from '../lessons/registry';
import { useClassroomStore } from './classroomStore';
import { CLASSROOM_DEFAULT } from './classroomUrl';
import { useConfigStore } from './configStore';
import { urlSyncStart, type UrlSyncWindow } from './urlSync';

/** A window with just enough location and history for urlSync (no Back: urlSync.test.ts covers it). */
function fakeWindow(search: string) {
  const location = { pathname: '/', hash: '', search };
  const go = (url: string) => (location.search = new URL(url, 'http://x').search);
  const win = {
    location,
    history: { pushState: (_: unknown, __: string, url: string) => go(url), replaceState: (_: unknown, __: string, url: string) => go(url) },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { win: win as unknown as UrlSyncWindow, location };
}

describe('urlSync with the classroom keys', () => {
  beforeEach(() => {
    useConfigStore.setState({ config: structuredClone(DEFAULT_CONFIG), revision: 1, notices: [] });
    useClassroomStore.setState({ ...CLASSROOM_DEFAULT });
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('?lesson=<id> alone opens the lesson with its config, and the link stays that short', () => {
    const { win, location } = fakeWindow('?lesson=label-noise&backend=cpu');
    const stop = urlSyncStart(win, () => 0);
    expect(useClassroomStore.getState().lessonId).toBe('label-noise');
    expect(useConfigStore.getState().config).toEqual(lessonConfig(lessonById('label-noise')));
    expect(useConfigStore.getState().notices).toEqual([]);
    expect(location.search).toBe('?lesson=label-noise&backend=cpu');
    stop();
  });

  it('a change on top of a lesson is written in full beside lesson=<id>, and read back the same', () => {
    const { win, location } = fakeWindow('?lesson=imbalance');
    let time = 0;
    const stop = urlSyncStart(win, () => time);
    time = 1000;
    useConfigStore.getState().update((c) => void (c.data.noise = 0.5));
    expect(location.search).toContain('lesson=imbalance');
    expect(location.search).toContain('noise=0.5');
    expect(location.search).toContain('run5.loss=logit-adjusted');
    const changed = useConfigStore.getState().config;
    stop();

    useConfigStore.setState({ config: structuredClone(DEFAULT_CONFIG) });
    const again = fakeWindow(location.search);
    const stopAgain = urlSyncStart(again.win, () => 0);
    expect(useConfigStore.getState().config).toEqual(changed);
    expect(useClassroomStore.getState().lessonId).toBe('imbalance');
    stopAgain();
  });

  it('opening a lesson from the app writes lesson=<id>; closing it keeps the config in the link', () => {
    const { win, location } = fakeWindow('?v=1&presenter=1&hide=data');
    let time = 0;
    const stop = urlSyncStart(win, () => time);
    time = 1000;
    useClassroomStore.getState().openLesson('large-step');
    vi.advanceTimersByTime(200);
    expect(location.search).toBe('?lesson=large-step&presenter=1&hide=data');
    time = 2000;
    useClassroomStore.getState().closeLesson();
    expect(location.search).toMatch(/^\?v=1&.*layers=0.*&presenter=1&hide=data$/);
    stop();
  });

  it('an unknown lesson is named in a notice and dropped from the link', () => {
    const { win, location } = fakeWindow('?lesson=no-such&data=xor&v=1');
    const stop = urlSyncStart(win, () => 0);
    expect(useConfigStore.getState().notices).toEqual(['lesson "no-such" is not a lesson; none is open (the Lessons menu lists them)']);
    expect(useConfigStore.getState().config.data.kind).toBe('xor');
    expect(location.search).toBe('?v=1&data=xor');
    stop();
  });
});
