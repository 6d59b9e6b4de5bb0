// The loss-shape chart's margins and height from its type size and width, in CSS pixels: the chart
// is drawn at its size on screen (lossShapeRender.ts), so these decide what room the text gets.

export interface ShapeMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Room for the text around each panel, for type of `font` px: the panel's title above, the tick
 * labels (up to four characters, "−0.5") left of the plot, and under it the tick labels and the
 * axis label on two lines.
 */
export function lossShapeMargins(font: number): ShapeMargins {
  return { top: Math.round(1.6 * font), right: Math.round(0.9 * font), bottom: Math.round(3.2 * font + 8), left: Math.round(2.4 * font + 10) };
}

/** The width : height the chart was designed at (560 × 200). */
const ASPECT = 2.8;

/**
 * The chart's height for its `width`: the designed aspect, held under `maxHeight` (what the dock
 * leaves it; Infinity when nothing limits it), but never so low that the plot between the margins
 * is under three lines of type: legible text before a tidy fit, the dock scrolls instead.
 */
export function lossShapeHeight(width: number, font: number, maxHeight: number): number {
  const margins = lossShapeMargins(font);
  const least = margins.top + margins.bottom + 3 * font;
  return Math.round(Math.max(least, Math.min(width / ASPECT, maxHeight)));
}
