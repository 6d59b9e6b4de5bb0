// The backend choices a worker made, kept in IndexedDB per device and size class so the next
// page load skips the timing. Storage that is blocked, full, missing (Node, some private modes)
// or slow to answer is the same as an empty cache: every failure here resolves to "nothing".
import type { CachedChoice } from './backendDecision';

const DATABASE = 'losscape-backend';
const STORE = 'choices';
/** IndexedDB can stay silent (a blocked upgrade); the decision does not wait longer than this. */
const STORAGE_TIMEOUT_MS = 500;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), STORAGE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB open failed'));
    request.onblocked = () => reject(new Error('indexedDB blocked'));
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = act(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(transaction.error ?? new Error('indexedDB transaction failed'));
        };
      }),
  );
}

function available(): boolean {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    return false;
  }
}

/** The cache key: one entry per worker kind, device and size class. */
export function backendCacheKey(kind: string, device: string, sizeClass: string): string {
  return `${kind}|${device}|${sizeClass}`;
}

/** The stored choice for the key, or null (none, unreadable, or storage unavailable). */
export function backendCacheGet(key: string): Promise<CachedChoice | null> {
  if (!available()) return Promise.resolve(null);
  try {
    return withTimeout(
      run<unknown>('readonly', (store) => store.get(key)).then((value) => (isCachedChoice(value) ? value : null)),
      null,
    );
  } catch {
    return Promise.resolve(null);
  }
}

/** Stores a choice; resolves false when it could not be stored (and nothing else happens). */
export function backendCachePut(key: string, entry: CachedChoice): Promise<boolean> {
  if (!available()) return Promise.resolve(false);
  try {
    return withTimeout(
      run<unknown>('readwrite', (store) => store.put(entry, key)).then(() => true),
      false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** A stored value that has the shape of a choice (an older or damaged entry is ignored). */
export function isCachedChoice(value: unknown): value is CachedChoice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CachedChoice>;
  const choice = v.choice as Partial<CachedChoice['choice']> | undefined;
  return typeof v.device === 'string' && typeof v.sizeClass === 'string' && typeof choice === 'object' && choice !== null && typeof choice.backend === 'string' && Array.isArray(choice.trials);
}
