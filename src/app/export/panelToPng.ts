import { canvasBlob, pictureCanvas } from './canvasToPng';
import { pngLayout, pngLegendLayout, PNG_LEGEND_LINE, PNG_LEGEND_SWATCH } from './pngLayout';
import { svgToImage } from './svgToPng';

/** The charts a panel holds: its SVG and canvas figures (icons and formula glyphs carry no test id). */
export const PANEL_CHART_SELECTOR = 'svg[data-testid], canvas[data-testid]';

/** The colour of the picture's text (the app's ink). */
const INK = '#14202e';

/**
 * A panel's charts in one PNG at `scale`× (2 by default: sharp on slides and in papers), laid
 * out as on screen, on white, under the panel's title. SVGs are redrawn from their markup (so
 * they stay vector-sharp at any scale); canvases are copied. Hidden charts are left out.
 * The picture names what the screen shows around the charts, since a PNG is seen without it:
 * under the title the runs' legend, the panel's "showing run B · MAE" where it shows one run of
 * a comparison, and `notes` (a key such as "solid: train · dashed: validation"), one a line; and
 * under each chart that sits in a `<figure>` (a comparison's small multiples), its caption.
 */
export async function panelToPng(panel: Element, selector = PANEL_CHART_SELECTOR, scale = 2, notes: readonly string[] = []): Promise<Blob> {
  const elements = [...panel.querySelectorAll(selector)].filter(
    (e): e is SVGSVGElement | HTMLCanvasElement => (e instanceof SVGSVGElement || e instanceof HTMLCanvasElement) && e.getBoundingClientRect().width > 0,
  );
  if (elements.length === 0) throw new Error('There is no chart on screen to export.');
  const captions = chartCaptions(panel, elements);
  const boxes = [...elements, ...captions].map((e) => e.getBoundingClientRect());
  const noteLines = [...[...panel.querySelectorAll('header .showing-run')].map((e) => e.textContent?.trim() ?? ''), ...notes].filter((t) => t !== '');
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
  const layout = pngLayout(boxes, title !== '', undefined, legendLines + noteLines.length);
  const images = await Promise.all(
    elements.map((e, i) => (e instanceof SVGSVGElement ? svgToImage(e, Math.round(boxes[i]!.width), Math.round(boxes[i]!.height)) : e)),
  );
  const { canvas, context } = pictureCanvas(layout.width, layout.height, scale);
  if (layout.titleBaseline !== null) {
    context.fillStyle = INK;
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
      context.fillStyle = INK;
      context.fillText(item.text, left + at.x + PNG_LEGEND_SWATCH + 4, y);
    });
    context.textBaseline = 'alphabetic';
  }
  if (noteLines.length > 0) {
    const left = Math.min(...layout.placements.map((p) => p.left));
    const top = (layout.titleBaseline ?? 0) + 8 + legendLines * PNG_LEGEND_LINE;
    context.font = LEGEND_FONT;
    context.textBaseline = 'middle';
    context.fillStyle = INK;
    noteLines.forEach((text, i) => context.fillText(text, left, top + i * PNG_LEGEND_LINE + PNG_LEGEND_LINE / 2));
    context.textBaseline = 'alphabetic';
  }
  captions.forEach((caption, i) => drawCaption(context, caption, layout.placements[elements.length + i]!, LEGEND_FONT));
  images.forEach((image, i) => {
    const at = layout.placements[i]!;
    context.drawImage(image, at.left, at.top, at.width, at.height);
  });
  return canvasBlob(canvas);
}

/** The visible captions of the `<figure>`s (inside `panel`) that hold the exported charts, each once. */
function chartCaptions(panel: Element, charts: readonly Element[]): HTMLElement[] {
  const figures = new Set(charts.map((c) => c.closest('figure')).filter((f): f is HTMLElement => f !== null && panel.contains(f)));
  return [...figures].flatMap((figure) => {
    const caption = figure.querySelector('figcaption');
    return caption && caption.getBoundingClientRect().width > 0 && (caption.textContent?.trim() ?? '') !== '' ? [caption] : [];
  });
}

/**
 * A figure's caption where it sits under its chart: its swatch (a run's colour) if it has one,
 * then its text, or where that is wider than the chart its first part alone (the run's name).
 */
function drawCaption(context: CanvasRenderingContext2D, caption: HTMLElement, at: { left: number; top: number; width: number; height: number }, font: string): void {
  const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const swatch = caption.querySelector('.swatch');
  const y = at.top + Math.max(at.height, PNG_LEGEND_LINE) / 2;
  let x = at.left;
  context.font = font;
  context.textBaseline = 'middle';
  if (swatch) {
    context.fillStyle = getComputedStyle(swatch).backgroundColor || INK;
    context.fillRect(x, y - 2, PNG_LEGEND_SWATCH, 4);
    x += PNG_LEGEND_SWATCH + 4;
  }
  const room = Math.max(1, at.left + at.width - x);
  const full = clean(caption.textContent);
  const text = context.measureText(full).width <= room ? full : clean(caption.firstElementChild?.textContent) || full;
  context.fillStyle = INK;
  context.fillText(text, x, y, room);
  context.textBaseline = 'alphabetic';
}
