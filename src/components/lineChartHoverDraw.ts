// The line chart's hover readout: a rule at the nearest step, a dot on each curve and the values in a box.
import { lineChartHoverAt, lineChartHoverText } from './lineChartHover';
import type { LineSeries } from './lineChartLayout';
import type { ChartStyle } from './lineChartStyle';

/** The drawn plot: its scales and the edges of its area, in CSS pixels. */
export interface HoverPlot {
  x: (v: number) => number;
  y: (v: number) => number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Hover readout: a rule at the nearest step, a dot on each curve, and the values in a box. */
export function lineChartHoverDraw(
  context: CanvasRenderingContext2D,
  canvas: HTMLCanvasElement,
  series: readonly LineSeries[],
  hoverPx: number | null,
  drawnX: { invert: (px: number) => number } | null,
  plot: HoverPlot,
  style: ChartStyle,
): void {
  const { x, y, left, right, top, bottom } = plot;
  if (hoverPx === null || hoverPx < left || hoverPx > right) {
    canvas.removeAttribute('data-hover');
    return;
  }
  if (!drawnX) return;
  const values = lineChartHoverAt(series, drawnX.invert(hoverPx));
  if (values.length === 0) return;
  canvas.setAttribute('data-hover', lineChartHoverText(values));
  const at = x(values[0]!.step);
  context.strokeStyle = style.muted;
  context.lineWidth = 1;
  context.setLineDash([]);
  context.beginPath();
  context.moveTo(at, top);
  context.lineTo(at, bottom);
  context.stroke();
  for (const v of values) {
    const py = y(v.value);
    if (!Number.isFinite(py) || py < top - 3 || py > bottom + 3) continue;
    context.fillStyle = v.colour;
    context.beginPath();
    context.arc(x(v.step), py, 3, 0, 2 * Math.PI);
    context.fill();
  }
  const f = style.fontSize;
  const lines = [`step ${values[0]!.step.toLocaleString('en')}`, ...values.slice(0, 8).map((v) => lineChartHoverText([v]).split(' · ')[1]!)];
  const widest = Math.max(...lines.map((l) => context.measureText(l).width));
  const boxW = widest + 10;
  const boxH = lines.length * (f + 3) + 6;
  const boxX = at > (left + right) / 2 ? Math.max(left, at - boxW - 8) : Math.min(right - boxW, at + 8);
  context.fillStyle = 'rgba(255, 255, 255, 0.92)';
  context.strokeStyle = style.muted;
  context.fillRect(boxX, top + 2, boxW, boxH);
  context.strokeRect(boxX + 0.5, top + 2.5, boxW - 1, boxH - 1);
  context.textAlign = 'left';
  context.textBaseline = 'top';
  lines.forEach((line, i) => {
    context.fillStyle = i === 0 ? style.ink : (values[i - 1]?.colour ?? style.ink);
    context.fillText(line, boxX + 5, top + 5 + i * (f + 3));
  });
}
