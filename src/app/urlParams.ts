import { BACKEND_NAMES, type BackendName } from '../workers/protocol';

export interface UrlOptions {
  backend: BackendName | null;
  /** What in the URL could not be used, in words. */
  notices: string[];
}

/** Reads the options that live outside the experiment config (for now: the forced backend). */
export function urlOptionsParse(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const requested = params.get('backend');
  let backend: BackendName | null = null;
  if (requested !== null) {
    if ((BACKEND_NAMES as readonly string[]).includes(requested)) backend = requested as BackendName;
    else notices.push(`backend "${requested}" is not one of ${BACKEND_NAMES.join(', ')}; choosing automatically`);
  }
  return { backend, notices };
}
