import { canvasBlob, pictureCanvas } from './canvasToPng';
import { pngLayout, pngLegendLayout, PNG_LEGEND_LINE, PNG_LEGEND_SWATCH } from './pngLayout';
import { svgToImage } from './svgToPng';

/** The charts a panel holds: its SVG and canvas figures (icons and formula glyphs carry no test id). */
export const PANEL_CHART_SELECTOR = 'svg[data-testid], canvas[data-testid]';

/**
 * A panel's charts in one PNG at `scale`× (2 by default: sharp on slides and in papers), laid
 * out as on screen, on white, under the panel's title. SVGs are redrawn from their markup (so
 * they stay vector-sharp at any scale); canvases are copied. Hidden charts are left out.
 */
export async function panelToPng(panel: Element, selector = PANEL_CHART_SELECTOR, scale = 2): Promise<Blob> {
  const elements = [...panel.querySelectorAll(selector)].filter(
    (e): e is SVGSVGElement | HTMLCanvasElement => (e instanceof SVGSVGElement || e instanceof HTMLCanvasElement) && e.getBoundingClientRect().width > 0,
  );
  if (elements.length === 0) throw new Error('There is no chart on screen to export.');
  const boxes = elements.map((e) => e.getBoundingClientRect());
  const title = panel.querySelector('h2')?.textContent?.trim() ?? '';
  // The panel's legend entries (the runs' names in a comparison) go under the title, so the
  // picture says which curve is which run.
  const legend = [...panel.querySelectorAll('[data-testid="legend-item"]')].map((item) => ({
    text: item.textContent?.trim() ?? '',
    colour: getComputedStyle(item.querySelector('.swatch') ?? item).backgroundColor || '#14202e',
  }));
  const LEGEND_FONT = '12px system-ui, sans-serif';
  const measure = pictureCanvas(1, 1, 1).context;
  measure.font = LEGEND_FONT;
  const chartsWidth = Math.max(...boxes.map((b) => b.left + b.width)) - Math.min(...boxes.map((b) => b.left));
  const entries = pngLegendLayout(
    legend.map((l) => measure.measureText(l.text).width),
    chartsWidth,
  );
  const legendLines = entries.length > 0 ? entries.at(-1)!.line + 1 : 0;
  const layout = pngLayout(boxes, title !== '', undefined, legendLines);
  const images = await Promise.all(
    elements.map((e, i) => (e instanceof SVGSVGElement ? svgToImage(e, Math.round(boxes[i]!.width), Math.round(boxes[i]!.height)) : e)),
  );
  const { canvas, context } = pictureCanvas(layout.width, layout.height, scale);
  if (layout.titleBaseline !== null) {
    context.fillStyle = '#14202e';
    context.font = '600 15px system-ui, sans-serif';
    context.fillText(title, layout.placements[0] ? Math.min(...layout.placements.map((p) => p.left)) : 0, layout.titleBaseline);
  }
  if (legend.length > 0) {
    const left = Math.min(...layout.placements.map((p) => p.left));
    const top = (layout.titleBaseline ?? 0) + 8;
    context.font = LEGEND_FONT;
    context.textBaseline = 'middle';
    legend.forEach((item, i) => {
      const at = entries[i]!;
      const y = top + at.line * PNG_LEGEND_LINE + PNG_LEGEND_LINE / 2;
      context.fillStyle = item.colour;
      context.fillRect(left + at.x, y - 2, PNG_LEGEND_SWATCH, 4);
      context.fillStyle = '#14202e';
      context.fillText(item.text, left + at.x + PNG_LEGEND_SWATCH + 4, y);
    });
    context.textBaseline = 'alphabetic';
  }
  images.forEach((image, i) => {
    const at = layout.placements[i]!;
    context.drawImage(image, at.left, at.top, at.width, at.height);
  });
  return canvasBlob(canvas);
}
