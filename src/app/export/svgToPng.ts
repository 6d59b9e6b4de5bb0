import { canvasBlob, pictureCanvas } from './canvasToPng';

/**
 * The properties a chart's look depends on. The charts style axes, grid lines and labels with
 * CSS classes; an SVG drawn as an image sees none of the page's style sheets, so each element's
 * computed values are written into its `style` attribute first.
 */
export const SVG_STYLE_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'shape-rendering',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
] as const;

/** A `style` attribute holding `properties` as `read` gives them (empty values left out). */
export function svgStyleText(read: (property: string) => string, properties: readonly string[] = SVG_STYLE_PROPERTIES): string {
  return properties
    .map((property) => [property, read(property).trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([property, value]) => `${property}: ${value}`)
    .join('; ');
}

/** The SVG as standalone markup at `width`×`height` CSS pixels, its computed styles inlined. */
export function svgSerialise(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(source);
    copy.setAttribute('style', svgStyleText((p) => computed.getPropertyValue(p)));
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

/** The SVG, styles inlined, as a decoded image (loaded from an object URL: no markup enters the page). */
export async function svgToImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgSerialise(svg, width, height)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One SVG chart as a PNG at `scale`× its size on screen, on white. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const image = await svgToImage(svg, width, height);
  const { canvas, context } = pictureCanvas(width, height, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvasBlob(canvas);
}
