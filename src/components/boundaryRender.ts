import * as d3 from 'd3';
import type { BoundaryGrid, DataPoints } from '../workers/protocol';
import { SPLIT_ROLE } from '../workers/protocol';
import { classColour, classRgb } from './palette';

export interface BoundaryRenderer {
  update(points: DataPoints | null, boundary: BoundaryGrid | null): void;
  dispose(): void;
}

/**
 * Paints the decision boundary on a canvas: each grid cell takes its predicted class's colour,
 * faded towards white as the prediction approaches chance, so confidence reads as saturation.
 * Points are drawn on top: training points filled, validation and test points as rings, and
 * training points whose label noise flipped crossed out.
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

  return {
    update(points, boundary) {
      context.clearRect(0, 0, size, size);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      if (boundary) {
        paintHeat(heat, boundary);
        context.imageSmoothingEnabled = true;
        context.drawImage(heat, 0, 0, size, size);
      }
      if (!points) return;
      const [x0, x1, y0, y1] = points.extent;
      const x = d3.scaleLinear().domain([x0, x1]).range([0, size]);
      const y = d3.scaleLinear().domain([y0, y1]).range([size, 0]);
      for (let i = 0; i < points.y.length; i++) {
        const px = x(points.x[i * points.features]!);
        const py = y(points.x[i * points.features + 1]!);
        context.beginPath();
        context.arc(px, py, 3.2, 0, 2 * Math.PI);
        if (points.role[i] === SPLIT_ROLE.train) {
          context.fillStyle = classColour(points.y[i]!);
          context.fill();
          context.strokeStyle = '#fff';
          context.lineWidth = 1;
        } else {
          context.strokeStyle = classColour(points.y[i]!);
          context.lineWidth = 1.6;
        }
        context.stroke();
        if (points.flipped[i]) drawCross(context, px, py);
      }
    },
    dispose() {
      context.clearRect(0, 0, size, size);
    },
  };
}

/** Marks a point whose training label was flipped by label noise: it is drawn in its noisy class's colour. */
function drawCross(context: CanvasRenderingContext2D, x: number, y: number): void {
  const r = 4.5;
  context.beginPath();
  context.moveTo(x - r, y - r);
  context.lineTo(x + r, y + r);
  context.moveTo(x - r, y + r);
  context.lineTo(x + r, y - r);
  context.strokeStyle = '#14202e';
  context.lineWidth = 1.4;
  context.stroke();
}

function paintHeat(heat: HTMLCanvasElement, boundary: BoundaryGrid): void {
  const { resolution, classes, probabilities } = boundary;
  heat.width = resolution;
  heat.height = resolution;
  const context = heat.getContext('2d')!;
  const image = context.createImageData(resolution, resolution);
  const chance = 1 / classes;
  for (let cell = 0; cell < resolution * resolution; cell++) {
    let best = 0;
    let bestP = -1;
    for (let k = 0; k < classes; k++) {
      const p = probabilities[cell * classes + k]!;
      if (p > bestP) [best, bestP] = [k, p];
    }
    // 0 at chance, 1 at certainty; capped so points stay visible on a confident background.
    const strength = 0.75 * Math.max(0, Math.min(1, (bestP - chance) / (1 - chance)));
    const [r, g, b] = classRgb(best);
    image.data[4 * cell] = 255 + (r - 255) * strength;
    image.data[4 * cell + 1] = 255 + (g - 255) * strength;
    image.data[4 * cell + 2] = 255 + (b - 255) * strength;
    image.data[4 * cell + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
