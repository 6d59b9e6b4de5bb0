import type { DataPoints } from '../../workers/protocol';
import { MARK_COLOUR } from '../boundaryRender';

/** A mark as the plane draws it (boundaryRender.ts), in grey: the colour there is the prompt's best response. */
function Mark({ shape }: { shape: 'dot' | 'diamond' }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="plane-mark">
      {shape === 'dot' ? <circle cx="6" cy="6" r="3.6" fill="#8a94a0" /> : <path d="M6 0.8 L11.2 6 L6 11.2 L0.8 6 Z" fill="#8a94a0" stroke={MARK_COLOUR} strokeWidth="1.6" />}
    </svg>
  );
}

/**
 * The plane's legend for task 'preference': what a prompt's colour and the shade mean, and when a
 * run unlearns, which prompts are the forget set (diamonds) and which the retain set (dots).
 */
export function PreferencePlaneLegend({ points }: { points: DataPoints | null }) {
  const flipped = points ? points.flipped.reduce((a, b) => a + b, 0) : 0;
  const forget = points?.forget ? points.forget.reduce((a, b) => a + b, 0) : null;
  const retain = points && forget !== null ? points.y.length - forget : null;
  return (
    <p className="legend boundary-legend" data-testid="preference-plane-legend">
      <span>colour: each prompt’s best response · shade: π’s likeliest response</span>
      {forget !== null && (
        <>
          <span className="legend-item" data-testid="legend-forget" data-count={forget}>
            · <Mark shape="diamond" /> forget set ({forget} prompts)
          </span>
          <span className="legend-item" data-testid="legend-retain" data-count={retain ?? 0}>
            · <Mark shape="dot" /> retain set ({retain})
          </span>
        </>
      )}
      {flipped > 0 && <span data-testid="flipped-count"> · ×: {flipped} swapped pairs</span>}
    </p>
  );
}
