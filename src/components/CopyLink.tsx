import { useEffect, useRef, useState } from 'react';
import { urlSyncFlush } from '../app/urlSync';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/**
 * Copies the page's address, which holds the whole configuration. If the clipboard is refused,
 * the link is shown selected in a read-only field to copy by hand.
 */
export function CopyLink() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'manual') field.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    urlSyncFlush();
    const link = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', link });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" data-testid="copy-link" title="Copy a link to this exact configuration" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-link-status" data-testid="copy-link-status">
        {state.kind === 'copied' ? 'Copied' : state.kind === 'manual' ? 'Press Ctrl+C (⌘C) to copy:' : ''}
      </span>
      {state.kind === 'manual' && (
        <input
          ref={field}
          className="copy-link-text"
          data-testid="copy-link-text"
          aria-label="Link to this configuration"
          readOnly
          value={state.link}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </div>
  );
}
