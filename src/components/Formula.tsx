import type katex from 'katex';
import { useEffect, useRef } from 'react';
import { useBoxSize } from './layout/useBoxSize';

type Katex = typeof katex;
let katexLoading: Promise<Katex> | null = null;

/** KaTeX and its stylesheet, fetched with the first formula rather than with the page. */
function katexLoad(): Promise<Katex> {
  katexLoading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default);
  return katexLoading;
}

/** Smallest scale a formula is shrunk to before it wraps instead: smaller would not be read. */
const MIN_SCALE = 0.7;

/**
 * Scales a rendered formula down until it fits its box, and back up to its own size when there is
 * room again. A formula too long for that wraps between its terms (KaTeX breaks lines after
 * relations and operators, as in inline mode).
 */
function fitToWidth(host: HTMLElement): void {
  host.style.fontSize = '';
  host.classList.remove('formula-wrap');
  const available = host.clientWidth;
  const natural = formulaWidth(host);
  if (natural <= 0 || available <= 0) return;
  if (natural <= available) return;
  const base = parseFloat(getComputedStyle(host).fontSize);
  const fitting = (available / natural) * 0.98;
  host.style.fontSize = `${(base * Math.max(MIN_SCALE, fitting)).toFixed(2)}px`;
  if (fitting >= MIN_SCALE) return;
  host.classList.add('formula-wrap');
  // One term may still be wider than the box on its own: shrink until the widest line fits.
  const wrapped = formulaWidth(host);
  if (wrapped > available) host.style.fontSize = `${(base * MIN_SCALE * (available / wrapped) * 0.98).toFixed(2)}px`;
}

/**
 * The width of a rendered formula: KaTeX's display box is a block as wide as its panel, so the
 * formula's own width is that of its inline-block pieces, first left edge to last right edge.
 */
function formulaWidth(host: HTMLElement): number {
  const rects = [...host.querySelectorAll('.katex-html > .base, .katex-html > .tag')].map((piece) => piece.getBoundingClientRect());
  return rects.length === 0 ? 0 : Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
}

/**
 * A TeX formula rendered by KaTeX, scaled to fit its panel. The TeX comes from the loss specs in
 * the code, never from a URL or a file; KaTeX builds DOM nodes and `trust` stays off.
 */
export function Formula({ tex, testId }: { tex: string; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [box, boxRef] = useBoxSize<HTMLSpanElement>();
  useEffect(() => {
    let cancelled = false;
    void katexLoad().then((k) => {
      const host = ref.current;
      if (cancelled || !host) return;
      k.render(tex, host, { throwOnError: false, displayMode: true, trust: false });
      host.dataset.rendered = 'true';
      fitToWidth(host);
      // KaTeX's fonts load once a formula first needs them, and change its width when they arrive.
      void document.fonts?.ready.then(() => {
        if (!cancelled && ref.current === host) fitToWidth(host);
      });
    });
    return () => {
      cancelled = true;
    };
  }, [tex]);
  const width = box?.width ?? 0;
  useEffect(() => {
    if (ref.current?.dataset.rendered === 'true' && width > 0) fitToWidth(ref.current);
  }, [width]);
  return (
    <span className="formula-box" ref={boxRef}>
      <span ref={ref} className="formula" data-testid={testId} data-tex={tex} />
    </span>
  );
}
