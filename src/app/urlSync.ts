// Keeps the URL and the config store in step. This is the only place that writes the URL.
// - On start, the URL's config goes into the store; what had to change is shown as notices.
// - On a change, the URL is rewritten: a settled change is a new history entry (pushState), and
//   changes less than SETTLE_MS after the previous one (a slider being dragged) replace it, so
//   one drag is one step back. Those replacements are written at most every REPLACE_EVERY_MS:
//   browsers ignore history calls made faster than a few hundred in ten seconds.
// - Back and Forward (popstate) load that entry's config.
// Keys the app reads apart from the config (`backend`, …) are carried over as they are; the
// classroom's keys (`lesson`, `presenter`, `hide`, `lock`) are written from the classroom store.
// A lesson whose config is untouched is written as `?lesson=<id>` alone (see classroomUrl.ts).
import { configFromSearch, configToSearch, URL_RESERVED_KEYS, urlEncode } from './urlCodec';
import { useConfigStore } from './configStore';
import { useClassroomStore } from './classroomStore';
import { CLASSROOM_KEYS, classroomPairs, classroomParse } from './classroomUrl';
import { lessonConfig, lessonFind } from '../lessons/registry';
import type { ExperimentConfig } from '../engine/config';

const SETTLE_MS = 500;
const REPLACE_EVERY_MS = 100;

const isClassroomKey = (key: string): boolean => (CLASSROOM_KEYS as readonly string[]).includes(key);

/** The search string (with `?`) for the store's config, keeping the reserved keys of `current`. */
export function urlSearchFor(current: string): string {
  const kept = new URLSearchParams(current);
  const classroom = useClassroomStore.getState();
  const config = configToSearch(useConfigStore.getState().config);
  const lesson = classroom.lessonId === null ? null : lessonFind(classroom.lessonId);
  const parts = lesson && config === configToSearch(lessonConfig(lesson)) ? [] : [config];
  for (const [key, value] of classroomPairs(classroom)) parts.push(`${urlEncode(key)}=${urlEncode(value)}`);
  for (const key of URL_RESERVED_KEYS) {
    if (isClassroomKey(key)) continue;
    for (const value of kept.getAll(key)) parts.push(`${urlEncode(key)}=${urlEncode(value)}`);
  }
  return `?${parts.join('&')}`;
}

/** A link's config: a lesson's own when the link names one and sets nothing else. */
function searchConfig(search: string, lessonId: string | null): { config: ExperimentConfig; notices: string[] } {
  const lesson = lessonId === null ? null : lessonFind(lessonId);
  const settings = [...new URLSearchParams(search).keys()].filter((key) => key !== 'v' && !(URL_RESERVED_KEYS as readonly string[]).includes(key));
  if (lesson && settings.length === 0) return { config: lessonConfig(lesson), notices: [] };
  return configFromSearch(search);
}

/** Writes a replacement that is still waiting (so a copied link is never a moment behind). */
let flushPending: () => void = () => undefined;

export function urlSyncFlush(): void {
  flushPending();
}

/** The parts of `window` this needs (a fake one in tests). */
export type UrlSyncWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

/** Reads the URL into the config store and follows both from now on. Returns a stop function. */
export function urlSyncStart(win: UrlSyncWindow = window, now: () => number = () => performance.now()): () => void {
  let loading = false;
  let lastChange = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const cancelPending = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  };

  const write = (mode: 'push' | 'replace') => {
    const { pathname, search, hash } = win.location;
    const next = urlSearchFor(search);
    if (next === search) return;
    if (mode === 'push') win.history.pushState(null, '', `${pathname}${next}${hash}`);
    else win.history.replaceState(null, '', `${pathname}${next}${hash}`);
  };

  flushPending = () => {
    if (pending === null) return;
    cancelPending();
    write('replace');
  };

  const load = () => {
    cancelPending();
    const classroom = classroomParse(win.location.search);
    const fromSearch = searchConfig(win.location.search, classroom.state.lessonId);
    const config = fromSearch.config;
    const notices = [...fromSearch.notices, ...classroom.notices];
    loading = true;
    try {
      useClassroomStore.getState().load(classroom.state);
    } finally {
      loading = false;
    }
    const store = useConfigStore.getState();
    // The same config (a hash change, a canonical rewrite) must not restart the run.
    if (notices.length === 0 && configToSearch(config) === configToSearch(store.config)) return;
    loading = true;
    try {
      store.replace(config);
      useConfigStore.setState({ notices });
    } finally {
      loading = false;
    }
    // A link that needed changes is rewritten to what is actually running (the notices say what changed).
    if (notices.length > 0) write('replace');
  };

  const changed = () => {
    const time = now();
    const settled = time - lastChange >= SETTLE_MS;
    lastChange = time;
    if (settled) {
      cancelPending();
      write('push');
    } else {
      pending ??= setTimeout(() => {
        pending = null;
        write('replace');
      }, REPLACE_EVERY_MS);
    }
  };
  const unsubscribeConfig = useConfigStore.subscribe((state, previous) => {
    if (!loading && state.config !== previous.config) changed();
  });
  const unsubscribeClassroom = useClassroomStore.subscribe(() => {
    if (!loading) changed();
  });
  const onPopState = () => {
    lastChange = Number.NEGATIVE_INFINITY;
    load();
  };
  win.addEventListener('popstate', onPopState);
  load();
  return () => {
    cancelPending();
    flushPending = () => undefined;
    unsubscribeConfig();
    unsubscribeClassroom();
    win.removeEventListener('popstate', onPopState);
  };
}
