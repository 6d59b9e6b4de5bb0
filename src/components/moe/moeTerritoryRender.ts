// Draws a mixture's expert territories: each cell of the boundary's grid in the colour of its top
// expert, the domains' sector edges as dashed rays from the origin, and the training points.
import type { DataPoints, MoeFrame } from '../../workers/protocol';
import { SPLIT_ROLE } from '../../workers/protocol';
import { expertRgb } from './expertColours';

export interface TerritoryScene {
  moe: MoeFrame;
  points: DataPoints | null;
  /** Domains (sectors); their edges are drawn only where the plane is the data's own 2-D plane. */
  domains: number;
}

/** Pixel coordinates of a plane point on a canvas of `size` CSS pixels. */
function toCanvas(x: number, y: number, extent: readonly number[], size: number): [number, number] {
  const [x0, x1, y0, y1] = extent as [number, number, number, number];
  return [((x - x0) / (x1 - x0)) * size, ((y1 - y) / (y1 - y0)) * size];
}

export function territoryDraw(canvas: HTMLCanvasElement, scene: TerritoryScene, size: number): void {
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  if (canvas.width !== Math.round(size * ratio)) {
    canvas.width = Math.round(size * ratio);
    canvas.height = Math.round(size * ratio);
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  const { resolution, territories } = scene.moe;
  const image = new ImageData(resolution, resolution);
  for (let cell = 0; cell < territories.length; cell++) {
    const [r, g, b] = expertRgb(territories[cell]!);
    image.data.set([r, g, b, 150], cell * 4);
  }
  // The grid is coarse (48²): drawn through a small canvas and scaled up without smoothing, so
  // the cells stay crisp as the territories they are.
  const cells = new OffscreenCanvas(resolution, resolution);
  cells.getContext('2d')!.putImageData(image, 0, 0);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size, size);
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, 0, 0, size, size);
  const points = scene.points;
  if (!points) return;
  const { extent } = points;
  // Sector edges live in feature space: drawn when the plane is the two features themselves.
  if (points.features === 2 && points.view.mode === 'features') {
    const [ox, oy] = toCanvas(0, 0, extent, size);
    context.strokeStyle = 'rgba(20, 32, 46, 0.7)';
    context.setLineDash([4, 3]);
    context.lineWidth = 1;
    for (let d = 0; d < scene.domains; d++) {
      const angle = (2 * Math.PI * d) / scene.domains;
      context.beginPath();
      context.moveTo(ox, oy);
      context.lineTo(ox + Math.cos(angle) * size * 2, oy - Math.sin(angle) * size * 2);
      context.stroke();
    }
    context.setLineDash([]);
  }
  context.fillStyle = 'rgba(20, 32, 46, 0.55)';
  for (let i = 0; i < points.y.length; i++) {
    if (points.role[i] !== SPLIT_ROLE.train) continue;
    const [px, py] = toCanvas(points.plane[2 * i]!, points.plane[2 * i + 1]!, extent, size);
    context.fillRect(px - 1, py - 1, 2, 2);
  }
}
