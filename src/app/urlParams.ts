import { BACKEND_NAMES, type BackendName } from '../workers/protocol';
import { clip } from './urlCodecPaths';

export interface UrlOptions {
  backend: BackendName | null;
  /** What in the URL could not be used, in words. */
  notices: string[];
}

/** Reads the options that live outside the experiment config (for now: the forced backend). */
export function urlOptionsParse(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const all = params.getAll('backend');
  // The last one wins, as for every key of a link.
  const requested = all.at(-1) ?? null;
  if (all.length > 1) notices.push(`backend is given ${all.length} times; the last is used`);
  let backend: BackendName | null = null;
  if (requested !== null) {
    if ((BACKEND_NAMES as readonly string[]).includes(requested)) backend = requested as BackendName;
    else notices.push(`backend "${clip(requested)}" is not one of ${BACKEND_NAMES.join(', ')}; choosing automatically`);
  }
  return { backend, notices };
}
