// The line chart on a canvas: sizing, scheduling and drawing of axes, curves and end labels.
import { lineChartHoverDraw } from './lineChartHoverDraw';
import { chartStyle } from './lineChartStyle';
import { gapMarkerIndices } from './lineChartGaps';
import { decimateIndices, labelsThatFit, lineChartScales, DEFAULT_MARGIN, type LineChartOptions, type LineChartView, type LineSeries } from './lineChartLayout';

export type { LineChartMargin, LineChartOptions, LineChartView, LineSeries } from './lineChartLayout';
export { lineChartExtent } from './lineChartLayout';

export interface LineChartRenderer {
  /** New data or a new view. Drawn at the next animation frame: several updates within one frame draw once. */
  update(series: readonly LineSeries[], view: LineChartView): void;
  dispose(): void;
}

/**
 * Draws step–value curves on a canvas: axes with ticks, one line per series, optional dots, end
 * labels and a cursor. A canvas rather than SVG because these charts redraw many times a second
 * with thousands of points per curve: an SVG path that long costs style, layout and paint on
 * every frame, a canvas only the drawing; dense curves are also thinned to what a pixel column
 * can show (decimateIndices). Draws at the device's pixel ratio in the canvas's own CSS pixels,
 * whatever size the layout gives it (`width`×`height` is the size it starts at, and its aspect
 * while the style sheet leaves the height to it), so type stays the same size in a small chart;
 * nothing is drawn while the canvas is hidden or scrolled out of view.
 * The series drawn are listed in the canvas's `data-series` attribute (JSON), for tests.
 */
export function lineChartCreate(canvas: HTMLCanvasElement, width: number, height: number, options: LineChartOptions = {}): LineChartRenderer {
  const context = canvas.getContext('2d');
  let series: readonly LineSeries[] = [];
  let view: LineChartView = { logScale: false };
  let frame = 0;
  let dirty = false;
  let onScreen = true;
  // The box as the ResizeObserver last reported it: reading it here, rather than measuring on
  // every drawing, keeps the charts from forcing a layout each frame. 0 until it reports (hidden).
  let boxWidth = 0;
  let boxHeight = 0;
  let listed = '';
  let listedGaps = '';
  // The pointer's step while it is over the plot (the hover readout), and the x scale last drawn.
  let hoverPx: number | null = null;
  let drawnX: { invert: (px: number) => number } | null = null;
  const dpr = (): number => window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr());
  canvas.height = Math.round(height * dpr());

  /** Matches the backing store to the box; false when the canvas has no box (hidden). */
  const fit = (): boolean => {
    if (boxWidth <= 0 || boxHeight <= 0) return false;
    const w = Math.round(boxWidth * dpr());
    const h = Math.round(boxHeight * dpr());
    // A one-pixel difference is rounding; resizing for it would feed back into the box's height.
    if (Math.abs(canvas.width - w) > 1 || Math.abs(canvas.height - h) > 1) {
      canvas.width = w;
      canvas.height = h;
    }
    return true;
  };

  const draw = (): void => {
    if (!context || !onScreen || !fit()) return;
    dirty = false;
    const style = chartStyle(canvas);
    const scale = canvas.width / boxWidth;
    const W = boxWidth;
    const H = boxHeight;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, W, H);
    context.font = style.font;
    const f = style.fontSize;
    // Margins grow with the type: tick labels and the x-axis label each get a line of their own.
    const given = { ...DEFAULT_MARGIN, ...options.margin };
    const margin = {
      ...given,
      top: options.yLabel ? Math.max(given.top, f + 6) : given.top,
      bottom: Math.max(given.bottom, 2 * f + 10),
    };
    let scales = lineChartScales(series, view, W, H, { ...options, margin });
    const widest = Math.max(0, ...scales.yTicks.map((t) => context.measureText(t.label).width));
    if (widest + 10 > margin.left) scales = lineChartScales(series, view, W, H, { ...options, margin: { ...margin, left: Math.ceil(widest + 10) } });
    const { x, y, left, right, top, bottom } = scales;
    drawnX = { invert: (px) => x.invert(px) };

    // Axes: the two lines, ticks, and labels that do not overlap each other or the axis label.
    context.strokeStyle = style.ink;
    context.lineWidth = 1;
    context.setLineDash([]);
    context.beginPath();
    context.moveTo(left - 0.5, top);
    context.lineTo(left - 0.5, bottom + 0.5);
    context.lineTo(right, bottom + 0.5);
    for (const t of scales.xTicks) {
      context.moveTo(Math.round(t.at) + 0.5, bottom);
      context.lineTo(Math.round(t.at) + 0.5, bottom + 5);
    }
    for (const t of scales.yTicks) {
      context.moveTo(left - 5, Math.round(t.at) + 0.5);
      context.lineTo(left, Math.round(t.at) + 0.5);
    }
    context.stroke();
    context.fillStyle = style.muted;
    context.textBaseline = 'top';
    context.textAlign = 'center';
    // A label centred on a tick near either edge is slid inwards so the canvas never cuts it.
    const xBoxes = scales.xTicks.map((t) => {
      const w = context.measureText(t.label).width;
      const at = Math.min(Math.max(t.at, w / 2 + 1), W - w / 2 - 1);
      return { at, from: at - w / 2, to: at + w / 2 };
    });
    labelsThatFit(xBoxes).forEach((fits, i) => fits && context.fillText(scales.xTicks[i]!.label, xBoxes[i]!.at, bottom + 7));
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    const yOrder = scales.yTicks.map((t, i) => ({ t, i })).sort((a, b) => a.t.at - b.t.at);
    labelsThatFit(yOrder.map(({ t }) => ({ from: t.at - f / 2, to: t.at + f / 2 })), [], 1).forEach((fits, k) => fits && context.fillText(yOrder[k]!.t.label, left - 7, yOrder[k]!.t.at));
    context.textBaseline = 'alphabetic';
    context.fillText(options.xLabel ?? 'step', right, H - 3);
    if (options.yLabel) {
      context.textAlign = 'left';
      context.fillText(options.yLabel, left + 4, top - 5);
    }

    const c = view.cursor;
    if (c !== undefined && c !== null && Number.isFinite(c)) {
      context.strokeStyle = style.cursor;
      context.lineWidth = 1.5;
      context.setLineDash([2, 2]);
      context.beginPath();
      context.moveTo(x(c), top);
      context.lineTo(x(c), bottom);
      context.stroke();
    }

    context.save();
    context.beginPath();
    context.rect(left, top - 3, Math.max(0, right - left), Math.max(0, bottom - top + 6));
    context.clip();
    context.lineWidth = style.lineWidth;
    context.lineJoin = 'round';
    const drawn: string[] = [];
    const marked: string[] = [];
    const [xFrom, xTo] = x.domain() as [number, number];
    const xSpan = Math.abs(xTo - xFrom);
    for (const s of series) {
      const n = Math.min(s.steps.length, s.values.length);
      const defined = (i: number): boolean => Number.isFinite(s.values[i]!) && (!view.logScale || s.values[i]! > 0);
      const px = (i: number): number => x(s.steps[i]!);
      const indices = s.curve === 'step' ? Array.from({ length: n }, (_, i) => i) : decimateIndices((i) => px(i) * scale, s.values, n, defined);
      context.strokeStyle = s.colour;
      context.setLineDash(s.dashed ? [5, 3] : []);
      context.beginPath();
      let pen = false;
      let previousY = 0;
      let any = false;
      for (const i of indices) {
        if (!defined(i)) {
          pen = false;
          continue;
        }
        any = true;
        const X = px(i);
        const Y = y(s.values[i]!);
        if (!pen) context.moveTo(X, Y);
        else if (s.curve === 'step') {
          context.lineTo(X, previousY);
          context.lineTo(X, Y);
        } else context.lineTo(X, Y);
        pen = true;
        previousY = Y;
      }
      context.stroke();
      if (any) drawn.push(s.testId ?? s.name);
      // Every point of a series measured every N steps; otherwise the points around long gaps.
      const marks = s.markers ? Array.from({ length: n }, (_, i) => i).filter(defined) : gapMarkerIndices(s.steps, defined, n, xSpan);
      if (marks.length > 0) {
        if (!s.markers) marked.push(s.testId ?? s.name);
        context.fillStyle = s.colour;
        context.beginPath();
        for (const i of marks) {
          context.moveTo(px(i) + 2.5, y(s.values[i]!));
          context.arc(px(i), y(s.values[i]!), 2.5, 0, 2 * Math.PI);
        }
        context.fill();
      }
    }
    context.restore();

    // End labels, above each labelled curve's last point, the text's bottom (its descenders, the
    // subscripts of "(2+2β₁)/((1−β₁)η)") 3 px clear of the line; below it where a line near the
    // top leaves no room above (clamping the label into the plot put it on the line).
    context.font = `600 ${style.font}`;
    context.textAlign = 'right';
    const yTop = y.domain()[1]!;
    for (const s of series) {
      if (s.label === undefined) continue;
      let last = -1;
      for (let i = Math.min(s.steps.length, s.values.length) - 1; i >= 0; i--) {
        const v = s.values[i]!;
        if (Number.isFinite(v) && (!view.logScale || v > 0)) {
          last = i;
          break;
        }
      }
      if (last < 0) continue;
      context.fillStyle = s.colour;
      const at = y(Math.min(s.values[last]!, yTop));
      const above = at - 3 - f >= top;
      context.textBaseline = above ? 'bottom' : 'top';
      context.fillText(s.label, right - 2, above ? at - 3 : at + 3);
    }
    context.textBaseline = 'alphabetic';

    const names = JSON.stringify(drawn);
    if (names !== listed) canvas.setAttribute('data-series', (listed = names));
    // The series dotted for their gaps, for tests (those always dotted are not listed).
    const gapNames = JSON.stringify(marked);
    if (gapNames !== listedGaps) canvas.setAttribute('data-gap-marked', (listedGaps = gapNames));
    // The y axis's top, for tests (a diverged run must not flatten the others).
    const yTopText = String(y.domain()[1]);
    if (canvas.getAttribute('data-y-top') !== yTopText) canvas.setAttribute('data-y-top', yTopText);
    lineChartHoverDraw(context, canvas, series, hoverPx, drawnX, { x, y, left, right, top, bottom }, style);
  };

  const onMove = (event: MouseEvent): void => {
    const rect = canvas.getBoundingClientRect();
    hoverPx = event.clientX - rect.left;
    schedule();
  };
  const onLeave = (): void => {
    hoverPx = null;
    schedule();
  };
  canvas.addEventListener('mousemove', onMove);
  canvas.addEventListener('mouseleave', onLeave);

  const schedule = (): void => {
    dirty = true;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };

  // Hidden (a closed tab, the table shown) or scrolled away: skip drawing, catch up when seen.
  const resized = new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect;
    boxWidth = box?.width ?? 0;
    boxHeight = box?.height ?? 0;
    schedule();
  });
  resized.observe(canvas);
  const seen = new IntersectionObserver((entries) => {
    onScreen = entries.at(-1)?.isIntersecting ?? true;
    if (onScreen && dirty) schedule();
  });
  seen.observe(canvas);

  return {
    update(next, nextView) {
      series = next;
      view = nextView;
      schedule();
    },
    dispose() {
      canvas.removeEventListener('mousemove', onMove);
      canvas.removeEventListener('mouseleave', onLeave);
      cancelAnimationFrame(frame);
      resized.disconnect();
      seen.disconnect();
    },
  };
}
