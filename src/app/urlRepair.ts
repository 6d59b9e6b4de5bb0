// Repairs malformed percent-escapes in the page's query string before anything else reads it.
//
// Why this exists: tfjs-core reads `location.search` when it loads (for its `tfjsflags` debug key)
// with decodeURIComponent, which throws URIError on `%%%` or a cut-off UTF-8 sequence such as
// `%E0%A4%A`, and the whole page stops before it starts. The app's own readers use
// URLSearchParams, which never throws: it keeps a bad `%` as text and turns broken UTF-8 into
// U+FFFD. So each piece that decodeURIComponent rejects is rewritten to what URLSearchParams
// reads from it, encoded properly; the link then means what it meant, and nothing throws.
//
// boot.ts, the page entry, runs this before it loads the app (and with it tfjs-core).
// Pure apart from `urlRepairPage`; no imports, so nothing it loads can run earlier.

/** A piece of a link as it appears in a notice: shortened. */
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

// The decoded text is returned, not dropped: the minifier deletes a decodeURIComponent call whose
// result is unused, and with it the throw this looks for.
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const decodes = (text: string): boolean => decoded(text) !== null;

/** `text` as URLSearchParams reads it (`+` is a space), encoded so that decodeURIComponent accepts it. */
function reencode(text: string): string {
  const read = new URLSearchParams(`x=${text.replace(/&/g, '%26')}`).get('x') ?? '';
  return encodeURIComponent(read);
}

export interface SearchRepair {
  /** The query string with every piece decodable (with `?` if the input had one). */
  search: string;
  /** One sentence per piece that had to be rewritten. */
  notices: string[];
}

/** Rewrites the pieces of a query string that decodeURIComponent rejects; never throws. */
export function searchRepair(search: string): SearchRepair {
  const mark = search.startsWith('?') ? '?' : '';
  const body = search.slice(mark.length);
  const notices: string[] = [];
  const pieces = body.split('&').map((piece) => {
    if (decodes(piece)) return piece;
    const at = piece.indexOf('=');
    const key = at < 0 ? piece : piece.slice(0, at);
    const value = at < 0 ? null : piece.slice(at + 1);
    const [readKey = '', readValue = ''] = [...new URLSearchParams(piece.replace(/&/g, '%26'))][0] ?? [];
    notices.push(`"${clip(piece)}" has a malformed %-escape; read as the text "${clip(value === null ? readKey : `${readKey}=${readValue}`)}"`);
    return value === null ? reencode(key) : `${decodes(key) ? key : reencode(key)}=${decodes(value) ? value : reencode(value)}`;
  });
  return { search: mark + pieces.join('&'), notices };
}

/** What the repair of this page's link said, for the notices once the page is up. */
export let urlRepairNotices: readonly string[] = [];

/** Repairs this page's query string in place (history.replaceState: no reload, no new entry). */
function urlRepairPage(): void {
  if (typeof window === 'undefined') return;
  try {
    const { pathname, search, hash } = window.location;
    const repaired = searchRepair(search);
    if (repaired.search === search) return;
    urlRepairNotices = repaired.notices;
    window.history.replaceState(window.history.state, '', `${pathname}${repaired.search}${hash}`);
  } catch (error) {
    // A page whose history cannot be rewritten (a sandboxed frame) still gets its notice.
    urlRepairNotices = [`the link could not be repaired (${String(error)})`];
  }
}

urlRepairPage();
