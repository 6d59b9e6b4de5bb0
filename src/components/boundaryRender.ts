import { scaleLinear } from 'd3-scale';
import type { BoundaryGrid, DataPoints } from '../workers/protocol';
import { SPLIT_ROLE } from '../workers/protocol';
import { classColour, classRgb } from './palette';

/** TensorFlow Playground's two switches: the held-out points drawn, the output as a hard class map. */
export interface BoundaryStyle {
  showTest: boolean;
  discretize: boolean;
}

const DEFAULT_STYLE: BoundaryStyle = { showTest: true, discretize: false };

export interface BoundaryRenderer {
  update(points: DataPoints | null, boundary: BoundaryGrid | null, style?: BoundaryStyle): void;
  /** The plane coordinates under a position in CSS pixels from the canvas's top left, or null before there are points. */
  planeAt(px: number, py: number): [number, number] | null;
  dispose(): void;
}

/**
 * Paints the decision boundary on a canvas: each grid cell takes its predicted class's colour,
 * faded towards white as the prediction approaches chance, so confidence reads as saturation.
 * Points are drawn on top at their coordinates on the plane (DataPoints.plane: the data itself
 * for 2-D data, a projection otherwise): training points filled, validation and test points as
 * rings, training points whose label noise flipped crossed out, points added by clicking as
 * squares, and (unlearning) the forget set's prompts as outlined diamonds. A boundary computed for another plane (an older view) is not drawn.
 */
export function boundaryCreate(canvas: HTMLCanvasElement, size: number): BoundaryRenderer {
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = size * ratio;
  canvas.height = size * ratio;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const context = canvas.getContext('2d')!;
  context.scale(ratio, ratio);
  const heat = document.createElement('canvas');
  // The points change far less often than the boundary: drawn once per data, then copied.
  const layer = document.createElement('canvas');
  layer.width = size * ratio;
  layer.height = size * ratio;
  let layerOf: DataPoints | null = null;
  let layerShowsTest = true;
  let heatOf: BoundaryGrid | null = null;
  let heatDiscrete = false;
  let current: DataPoints | null = null;

  return {
    update(points, boundary, style = DEFAULT_STYLE) {
      current = points;
      context.clearRect(0, 0, size, size);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      const samePlane = !boundary || boundary.planeSerial === undefined || !points || boundary.planeSerial === points.planeSerial;
      if (boundary && samePlane) {
        // A new frame of points alone keeps the boundary: its heat map is painted once per grid (and style).
        if (heatOf !== boundary || heatDiscrete !== style.discretize) paintHeat(heat, boundary, style.discretize);
        heatOf = boundary;
        heatDiscrete = style.discretize;
        context.imageSmoothingEnabled = true;
        context.drawImage(heat, 0, 0, size, size);
      }
      if (!points) return;
      if (layerOf !== points || layerShowsTest !== style.showTest) {
        paintPoints(layer, points, size, ratio, style.showTest);
        layerOf = points;
        layerShowsTest = style.showTest;
      }
      context.drawImage(layer, 0, 0, size, size);
    },
    planeAt(px, py) {
      if (!current) return null;
      const [x0, x1, y0, y1] = current.extent;
      return [x0 + (px / size) * (x1 - x0), y1 - (py / size) * (y1 - y0)];
    },
    dispose() {
      context.clearRect(0, 0, size, size);
    },
  };
}

function paintPoints(layer: HTMLCanvasElement, points: DataPoints, size: number, ratio: number, showTest: boolean): void {
  const context = layer.getContext('2d')!;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size, size);
  const [x0, x1, y0, y1] = points.extent;
  const x = scaleLinear().domain([x0, x1]).range([0, size]);
  const y = scaleLinear().domain([y0, y1]).range([size, 0]);
  const n = points.y.length;
  // Many points (a big file) are drawn smaller, so the boundary stays visible between them.
  const radius = n > 3000 ? 1.8 : n > 1000 ? 2.5 : 3.2;
  const firstAdded = n - points.added;
  for (let i = 0; i < n; i++) {
    if (!showTest && points.role[i] !== SPLIT_ROLE.train) continue;
    const px = x(points.plane[2 * i]!);
    const py = y(points.plane[2 * i + 1]!);
    context.beginPath();
    const forget = points.forget?.[i] === 1;
    if (i >= firstAdded) context.rect(px - 4, py - 4, 8, 8);
    else if (forget) diamondPath(context, px, py, radius + 2.3);
    else context.arc(px, py, radius, 0, 2 * Math.PI);
    if (points.role[i] === SPLIT_ROLE.train) {
      context.fillStyle = classColour(points.y[i]!);
      context.fill();
      // A prompt to unlearn is a diamond with a dark outline; the retain set's are the usual dots.
      context.strokeStyle = i >= firstAdded || forget ? MARK_COLOUR : '#fff';
      context.lineWidth = forget ? 1.6 : 1;
    } else {
      context.strokeStyle = classColour(points.y[i]!);
      context.lineWidth = 1.6;
    }
    context.stroke();
    if (points.flipped[i]) drawCross(context, px, py);
  }
}

/** The outline of added points, forget-set prompts and flipped labels' crosses. */
export const MARK_COLOUR = '#14202e';

/** A diamond (a square on its corner) of half-diagonal `r` around (x, y), as a path to fill and stroke. */
export function diamondPath(context: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  context.moveTo(x, y - r);
  context.lineTo(x + r, y);
  context.lineTo(x, y + r);
  context.lineTo(x - r, y);
  context.closePath();
}

/** Marks a point whose training label was flipped by label noise: it is drawn in its noisy class's colour. */
function drawCross(context: CanvasRenderingContext2D, x: number, y: number): void {
  const r = 4.5;
  context.beginPath();
  context.moveTo(x - r, y - r);
  context.lineTo(x + r, y + r);
  context.moveTo(x - r, y + r);
  context.lineTo(x + r, y - r);
  context.strokeStyle = MARK_COLOUR;
  context.lineWidth = 1.4;
  context.stroke();
}

/**
 * Discretized (the Playground's "Discretize output"): every cell in its predicted class's colour
 * at full strength, so only the boundary itself shows.
 */
function paintHeat(heat: HTMLCanvasElement, boundary: BoundaryGrid, discretize: boolean): void {
  const { resolution, classes, probabilities } = boundary;
  heat.width = resolution;
  heat.height = resolution;
  const context = heat.getContext('2d')!;
  const image = context.createImageData(resolution, resolution);
  const chance = 1 / classes;
  const colours = Array.from({ length: classes }, (_, k) => classRgb(k));
  for (let cell = 0; cell < resolution * resolution; cell++) {
    let best = 0;
    let bestP = -1;
    for (let k = 0; k < classes; k++) {
      const p = probabilities[cell * classes + k]!;
      if (p > bestP) [best, bestP] = [k, p];
    }
    // 0 at chance, 1 at certainty; capped so points stay visible on a confident background.
    const strength = discretize ? 0.75 : 0.75 * Math.max(0, Math.min(1, (bestP - chance) / (1 - chance)));
    const [r, g, b] = colours[best]!;
    image.data[4 * cell] = 255 + (r - 255) * strength;
    image.data[4 * cell + 1] = 255 + (g - 255) * strength;
    image.data[4 * cell + 2] = 255 + (b - 255) * strength;
    image.data[4 * cell + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** The model's output in the grid cell under plane point (x, y), as the heatmap shows it; null off the grid. */
export function boundaryCellAt(boundary: BoundaryGrid, extent: readonly [number, number, number, number], x: number, y: number): Float32Array | null {
  const [x0, x1, y0, y1] = extent;
  const col = Math.floor(((x - x0) / (x1 - x0)) * boundary.resolution);
  const row = Math.floor(((y1 - y) / (y1 - y0)) * boundary.resolution);
  if (col < 0 || row < 0 || col >= boundary.resolution || row >= boundary.resolution) return null;
  const cell = row * boundary.resolution + col;
  return boundary.probabilities.slice(cell * boundary.classes, (cell + 1) * boundary.classes);
}
