// The line chart's look as the page's style sheet sets it (type size, line width, colours).
/** What the page's style sheet says about the chart's look, read once per drawing. */
export interface ChartStyle {
  font: string;
  fontSize: number;
  lineWidth: number;
  muted: string;
  ink: string;
  cursor: string;
}

export function chartStyle(canvas: HTMLCanvasElement): ChartStyle {
  const computed = getComputedStyle(canvas);
  const presenter = canvas.closest('.presenter') !== null;
  const prop = (name: string, fallback: string): string => computed.getPropertyValue(name).trim() || fallback;
  // --chart-font-size and --chart-line-width let the style sheet scale the charts; presenter mode
  // asks for type of at least 20 px on a projector.
  const fontSize = parseFloat(prop('--chart-font-size', presenter ? '20' : '11')) || 11;
  const lineWidth = parseFloat(prop('--chart-line-width', presenter ? '3.5' : '2')) || 2;
  const family = computed.fontFamily || 'system-ui, sans-serif';
  return { font: `${fontSize}px ${family}`, fontSize, lineWidth, muted: prop('--muted', '#5b6776'), ink: prop('--ink', '#14202e'), cursor: prop('--focus', '#e69f00') };
}
