// Fitting a rendered formula to its panel, for Formula.tsx: a DOM step, kept apart from rendering.

/**
 * Smallest scale a formula is shrunk to: 90 % of its own size, so KaTeX's type stays at 14.5 px
 * or more in the settings column (16.1 px as set) and at 20 px or more in presenter mode on a
 * 1920×1080 projector (23 px as set). Past that a statement wraps between its terms instead.
 */
export const FORMULA_MIN_SCALE = 0.9;

/**
 * Fits the statements rendered into `host` (one `.formula-part` each, see formulaParts.ts) to its
 * width. They wrap between statements on their own (the host is a wrapping flex row); a statement
 * wider than the panel scales the formula down, to FORMULA_MIN_SCALE at most, and if that is not
 * enough it wraps between its terms (KaTeX breaks after relations and operators, as in inline mode).
 * Only a single term wider than the panel on its own is shrunk further, and it is marked
 * `data-below-min` so the layout tests catch it.
 */
export function formulaFit(host: HTMLElement): void {
  host.style.fontSize = '';
  delete host.dataset.belowMin;
  const parts = [...host.querySelectorAll<HTMLElement>('.formula-part')];
  for (const part of parts) {
    part.classList.remove('formula-wrap');
    part.style.fontSize = '';
  }
  const available = host.clientWidth;
  const widest = Math.max(0, ...parts.map(formulaWidth));
  if (widest <= 0 || available <= 0 || widest <= available) return;
  const base = parseFloat(getComputedStyle(host).fontSize);
  const scale = Math.max(FORMULA_MIN_SCALE, (available / widest) * 0.98);
  host.style.fontSize = `${(base * scale).toFixed(2)}px`;
  for (const part of parts) {
    if (formulaWidth(part) <= available) continue;
    part.classList.add('formula-wrap');
    const wrapped = formulaWidth(part);
    if (wrapped <= available) continue;
    part.style.fontSize = `${((available / wrapped) * 0.98).toFixed(3)}em`;
    host.dataset.belowMin = 'true';
  }
}

/**
 * The width of a rendered formula: KaTeX's display box is a block as wide as its panel, so the
 * formula's own width is that of its inline-block pieces, first left edge to last right edge.
 */
function formulaWidth(element: HTMLElement): number {
  const rects = [...element.querySelectorAll('.katex-html > .base, .katex-html > .tag')].map((piece) => piece.getBoundingClientRect());
  return rects.length === 0 ? 0 : Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
}
