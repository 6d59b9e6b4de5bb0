/** A box in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PngLayout {
  /** The picture's size in CSS pixels (multiply by the scale for device pixels). */
  width: number;
  height: number;
  /** Where each drawn element goes, in the picture's CSS pixels, in the order given. */
  placements: Box[];
  /** The baseline of the title line, when there is one. */
  titleBaseline: number | null;
}

export const PNG_PADDING = 12;
export const PNG_TITLE_HEIGHT = 24;
/** One line of the legend (the runs' names in a comparison) under the title. */
export const PNG_LEGEND_LINE = 18;
/** Swatch, gap after it, and gap between legend entries, in CSS pixels. */
export const PNG_LEGEND_SWATCH = 12;
const LEGEND_GAP = 14;

/**
 * Legend entries (swatch and name, `widths` their names' widths) placed left to right in
 * lines no wider than `width`: the line and the x of each entry.
 */
export function pngLegendLayout(widths: readonly number[], width: number): { line: number; x: number }[] {
  let line = 0;
  let x = 0;
  return widths.map((w) => {
    const entry = PNG_LEGEND_SWATCH + 4 + w;
    if (x > 0 && x + entry > width) {
      line += 1;
      x = 0;
    }
    const at = { line, x };
    x += entry + LEGEND_GAP;
    return at;
  });
}

/**
 * Lays out a panel's charts in one picture as they sit on screen: the boxes are moved so the
 * union of them starts at the padding (below a title line and `legendLines` lines of legend if there are), and empty boxes
 * (hidden elements) are dropped by the caller. Pure, so it is tested without a DOM.
 */
export function pngLayout(boxes: readonly Box[], title: boolean, padding = PNG_PADDING, legendLines = 0): PngLayout {
  if (boxes.length === 0) return { width: 0, height: 0, placements: [], titleBaseline: null };
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  const offsetY = padding + (title ? PNG_TITLE_HEIGHT : 0) + legendLines * PNG_LEGEND_LINE;
  return {
    width: Math.ceil(right - left + 2 * padding),
    height: Math.ceil(bottom - top + offsetY + padding),
    placements: boxes.map((b) => ({ left: b.left - left + padding, top: b.top - top + offsetY, width: b.width, height: b.height })),
    titleBaseline: title ? padding + PNG_TITLE_HEIGHT - 8 : null,
  };
}
