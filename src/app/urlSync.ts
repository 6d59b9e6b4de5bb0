// Keeps the URL and the config store in step. This is the only place that writes the URL.
// - On start, the URL's config goes into the store; what had to change is shown as notices.
// - On a change, the URL is rewritten: a settled change is a new history entry (pushState), and
//   changes less than SETTLE_MS after the previous one (a slider being dragged) replace it, so
//   one drag is one step back. Those replacements are written at most every REPLACE_EVERY_MS:
//   browsers ignore history calls made faster than a few hundred in ten seconds.
// - Back and Forward (popstate) load that entry's config.
// Keys the app reads apart from the config (`backend`, …) are carried over as they are.
import { configFromSearch, configToSearch, URL_RESERVED_KEYS, urlEncode } from './urlCodec';
import { useConfigStore } from './configStore';

const SETTLE_MS = 500;
const REPLACE_EVERY_MS = 100;

/** The search string (with `?`) for the store's config, keeping the reserved keys of `current`. */
export function urlSearchFor(current: string): string {
  const kept = new URLSearchParams(current);
  let search = configToSearch(useConfigStore.getState().config);
  for (const key of URL_RESERVED_KEYS) for (const value of kept.getAll(key)) search += `&${urlEncode(key)}=${urlEncode(value)}`;
  return `?${search}`;
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
    const { config, notices } = configFromSearch(win.location.search);
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

  const unsubscribe = useConfigStore.subscribe((state, previous) => {
    if (loading || state.config === previous.config) return;
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
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
