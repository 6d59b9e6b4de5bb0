import { scaleDiverging, scaleLinear } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { SPLIT_ROLE, type BoundaryGrid, type DataPoints, type RegressionEvaluation } from '../../workers/protocol';

/** What the output panel shows: the fit over the inputs, predictions against targets, or the residuals. */
export const REGRESSION_VIEWS = ['fit', 'predicted', 'residuals'] as const;
export type RegressionView = (typeof REGRESSION_VIEWS)[number];

export interface RegressionScene {
  view: RegressionView;
  points: DataPoints | null;
  /** The selected run's predictions over the plane (2-D) or along the line (1-D). */
  grid: BoundaryGrid | null;
  evaluation: RegressionEvaluation | null;
}

const MARGIN = { left: 40, bottom: 30, top: 8, right: 8 };
const TRAIN = '#555';
const HELD_OUT = '#D55E00';
const FIT = '#0072B2';
const MODE = '#009E73';

/**
 * Draws a regression on a square canvas of `size` CSS pixels. Fit: for one input the data and the
 * predicted curve (and, for a histogram loss, the most likely value at each held-out point); for
 * two, the predicted value over the plane as a diverging colour (red above 0, blue below) with the
 * points in the colour of their targets. Predicted: prediction against target, with the diagonal.
 * Residuals: target − prediction against the input (one input) or the prediction, with zero.
 * Training points are filled, validation and test points are rings.
 */
export function regressionDraw(canvas: HTMLCanvasElement, size: number, scene: RegressionScene): void {
  const ratio = globalThis.devicePixelRatio || 1;
  if (canvas.width !== size * ratio) {
    canvas.width = size * ratio;
    canvas.height = size * ratio;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
  }
  const context = canvas.getContext('2d')!;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  const { points } = scene;
  if (!points?.targets) return;
  const targets = points.targets;
  const predictions = scene.evaluation?.predictions ?? null;
  const [lo, hi] = valueRange(targets);
  const plot = { x0: MARGIN.left, x1: size - MARGIN.right, y0: size - MARGIN.bottom, y1: MARGIN.top };
  const curve = points.features === 1;
  if (scene.view === 'fit' && !curve) return drawPlane(context, plot, scene, targets, Math.max(Math.abs(lo), Math.abs(hi)));
  let x: (i: number) => number;
  let y: (i: number) => number;
  let xDomain: [number, number];
  let yDomain: [number, number];
  let xLabel: string;
  let yLabel: string;
  if (scene.view === 'fit') {
    x = (i) => points.x[i]!;
    y = (i) => targets[i]!;
    xDomain = [points.extent[0], points.extent[1]];
    yDomain = [lo, hi];
    [xLabel, yLabel] = [points.featureNames[0] ?? 'x', points.classNames[0] ?? 'y'];
  } else if (scene.view === 'predicted') {
    if (!predictions) return;
    x = (i) => targets[i]!;
    y = (i) => predictions[i]!;
    xDomain = [lo, hi];
    yDomain = [lo, hi];
    [xLabel, yLabel] = ['target', 'prediction'];
  } else {
    if (!predictions) return;
    const residual = Float32Array.from(targets, (t, i) => t - predictions[i]!);
    const [rLo, rHi] = valueRange(residual);
    const r = Math.max(Math.abs(rLo), Math.abs(rHi));
    x = curve ? (i) => points.x[i * points.features]! : (i) => predictions[i]!;
    y = (i) => residual[i]!;
    xDomain = curve ? [points.extent[0], points.extent[1]] : [lo, hi];
    yDomain = [-r, r];
    [xLabel, yLabel] = [curve ? (points.featureNames[0] ?? 'x') : 'prediction', 'residual (target − prediction)'];
  }
  const sx = scaleLinear().domain(xDomain).range([plot.x0, plot.x1]);
  const sy = scaleLinear().domain(yDomain).range([plot.y0, plot.y1]);
  drawAxes(context, plot, sx, sy, xLabel, yLabel);
  // Reference: the diagonal (perfect predictions) or zero residual.
  context.strokeStyle = '#999';
  context.setLineDash([4, 3]);
  context.beginPath();
  if (scene.view === 'predicted') {
    context.moveTo(sx(lo), sy(lo));
    context.lineTo(sx(hi), sy(hi));
  } else if (scene.view === 'residuals') {
    context.moveTo(plot.x0, sy(0));
    context.lineTo(plot.x1, sy(0));
  }
  context.stroke();
  context.setLineDash([]);
  drawDots(context, points, (i) => sx(x(i)), (i) => sy(y(i)));
  if (scene.view !== 'fit') return;
  if (scene.grid) {
    // The grid's resolution² values run along x from left to right (curveGridInputs).
    const values = scene.grid.probabilities;
    context.strokeStyle = FIT;
    context.lineWidth = 2.5;
    context.beginPath();
    values.forEach((v, k) => {
      const px = sx(xDomain[0] + ((k + 0.5) / values.length) * (xDomain[1] - xDomain[0]));
      const py = sy(Math.min(hi, Math.max(lo, v)));
      if (k === 0) context.moveTo(px, py);
      else context.lineTo(px, py);
    });
    context.stroke();
    context.lineWidth = 1;
  }
  const modes = scene.evaluation?.modes;
  if (modes) {
    context.strokeStyle = MODE;
    context.lineWidth = 2;
    for (let i = 0; i < modes.length; i++) {
      if (points.role[i] === SPLIT_ROLE.train) continue;
      const px = sx(points.x[i]!);
      const py = sy(modes[i]!);
      context.beginPath();
      context.moveTo(px - 4, py);
      context.lineTo(px + 4, py);
      context.stroke();
    }
    context.lineWidth = 1;
  }
}

type Plot = { x0: number; x1: number; y0: number; y1: number };

/** The targets' range widened by 10 %, never empty. */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = hi > lo ? 0.1 * (hi - lo) : 0.5;
  return [lo - pad, hi + pad];
}

function drawPlane(context: CanvasRenderingContext2D, plot: Plot, scene: RegressionScene, targets: Float32Array, reach: number): void {
  const { points, grid } = scene;
  if (!points) return;
  const [x0, x1, y0, y1] = points.extent;
  const sx = scaleLinear().domain([x0, x1]).range([plot.x0, plot.x1]);
  const sy = scaleLinear().domain([y0, y1]).range([plot.y0, plot.y1]);
  // Red above zero, blue below, white at zero, as TensorFlow Playground colours its regressions.
  const colour = scaleDiverging((t: number) => interpolateRdBu(1 - t)).domain([-reach, 0, reach]);
  if (grid && (grid.planeSerial === undefined || grid.planeSerial === points.planeSerial)) {
    const { resolution, probabilities } = grid;
    const w = (plot.x1 - plot.x0) / resolution;
    const h = (plot.y0 - plot.y1) / resolution;
    for (let row = 0; row < resolution; row++) {
      for (let col = 0; col < resolution; col++) {
        context.fillStyle = colour(probabilities[row * resolution + col]!);
        context.fillRect(plot.x0 + col * w, plot.y1 + row * h, w + 0.5, h + 0.5);
      }
    }
  }
  drawAxes(context, plot, sx, sy, points.axes[0], points.axes[1]);
  for (let i = 0; i < targets.length; i++) {
    const px = sx(points.plane[2 * i]!);
    const py = sy(points.plane[2 * i + 1]!);
    context.beginPath();
    context.arc(px, py, 3.5, 0, 2 * Math.PI);
    context.fillStyle = colour(targets[i]!);
    context.strokeStyle = points.role[i] === SPLIT_ROLE.train ? '#333' : HELD_OUT;
    context.lineWidth = points.role[i] === SPLIT_ROLE.train ? 0.8 : 1.6;
    context.fill();
    context.stroke();
  }
  context.lineWidth = 1;
}

function drawDots(context: CanvasRenderingContext2D, points: DataPoints, px: (i: number) => number, py: (i: number) => number): void {
  const n = points.role.length;
  for (let i = 0; i < n; i++) {
    const train = points.role[i] === SPLIT_ROLE.train;
    context.beginPath();
    context.arc(px(i), py(i), train ? 2.2 : 2.8, 0, 2 * Math.PI);
    if (train) {
      context.fillStyle = TRAIN;
      context.globalAlpha = 0.55;
      context.fill();
      context.globalAlpha = 1;
    } else {
      context.strokeStyle = HELD_OUT;
      context.stroke();
    }
  }
}

function drawAxes(
  context: CanvasRenderingContext2D,
  plot: Plot,
  sx: ReturnType<typeof scaleLinear<number, number>>,
  sy: ReturnType<typeof scaleLinear<number, number>>,
  xLabel: string,
  yLabel: string,
): void {
  context.strokeStyle = '#333';
  context.lineWidth = 1;
  context.strokeRect(plot.x0, plot.y1, plot.x1 - plot.x0, plot.y0 - plot.y1);
  context.fillStyle = '#333';
  context.font = '11px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const t of sx.ticks(5)) {
    context.fillText(String(Number(t.toPrecision(3))), sx(t), plot.y0 + 3);
  }
  context.fillText(xLabel, (plot.x0 + plot.x1) / 2, plot.y0 + 16);
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const t of sy.ticks(5)) context.fillText(String(Number(t.toPrecision(3))), plot.x0 - 3, sy(t));
  context.save();
  context.translate(10, (plot.y0 + plot.y1) / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.fillText(yLabel, 0, 0);
  context.restore();
}
