// The same grid as a 2-D filled-contour map with d3: α across, β up, viridis bands, the path
// and the current point on top, and hover that reports (α, β, loss).
import { axisBottom, axisLeft } from 'd3-axis';
import { contours as d3Contours } from 'd3-contour';
import { geoPath, geoTransform } from 'd3-geo';
import { scaleLinear } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { line } from 'd3-shape';
import type { SurfaceScene, SurfaceHover } from './surfaceScene';
import { contourLevels, gridSample, gridValue, heightFraction, viridisCss } from './surfaceField';

export interface ContourRenderer {
  update(scene: SurfaceScene): void;
  dispose(): void;
}

const MARGIN = { top: 10, right: 12, bottom: 34, left: 46 };

export function contourCreate(svg: SVGSVGElement, width: number, height: number, onHover: (hover: SurfaceHover | null) => void): ContourRenderer {
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  const x = scaleLinear().range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().range([height - MARGIN.bottom, MARGIN.top]);
  const bands = root.append('g').attr('data-layer', 'bands');
  const lines = root.append('g').attr('data-layer', 'lines').attr('fill', 'none').attr('stroke', '#14202e').attr('stroke-opacity', 0.35).attr('stroke-width', 0.7);
  const trail = root.append('path').attr('fill', 'none').attr('stroke', '#E69F00').attr('stroke-width', 2.5).attr('data-testid', 'contour-path');
  const start = root.append('circle').attr('r', 4).attr('fill', '#fff').attr('stroke', '#14202e');
  const marker = root.append('circle').attr('r', 6).attr('fill', '#D55E00').attr('stroke', '#fff').attr('stroke-width', 1.5).attr('data-testid', 'contour-current');
  const xAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - MARGIN.bottom})`);
  const yAxis = root.append('g').attr('class', 'axis').attr('transform', `translate(${MARGIN.left},0)`);
  root.append('text').attr('class', 'axis-label').attr('x', width - MARGIN.right).attr('y', height - 3).attr('text-anchor', 'end').text('α (direction d₁)');
  root.append('text').attr('class', 'axis-label').attr('transform', `translate(11,${MARGIN.top}) rotate(-90)`).attr('text-anchor', 'end').text('β (direction d₂)');
  let current: SurfaceScene | null = null;

  /** The filled bands, the lines and the axes: they depend on the grid and its scale, not on the path. */
  const drawGrid = (scene: SurfaceScene): void => {
    const { spec, field } = scene;
    const R = spec.resolution;
    // Grid index c (a pixel centre at c + 0.5 in d3's contour coordinates) → screen.
    const projection = geoTransform({
      point(cx, cy) {
        const i = Math.min(R - 1, Math.max(0, cx - 0.5));
        const j = Math.min(R - 1, Math.max(0, cy - 0.5));
        this.stream.point(x(gridValue(spec.alpha, R, i)), y(gridValue(spec.beta, R, j)));
      },
    });
    const path = geoPath(projection);
    const levels = [field.lo - 1e-9, ...contourLevels(field.lo, field.hi, 19)];
    const contours = d3Contours().size([R, R]).thresholds(levels).smooth(true)(Array.from(field.heights));
    bands
      .selectAll('path')
      .data(contours)
      .join('path')
      .attr('d', (d) => path(d))
      .attr('fill', (d) => viridisCss(heightFraction(field, d.value)));
    lines
      .selectAll('path')
      .data(scene.contours ? contours.slice(1).filter((_, k) => k % 2 === 1) : [])
      .join('path')
      .attr('d', (d) => path(d));
    xAxis.call(axisBottom(x).ticks(6));
    yAxis.call(axisLeft(y).ticks(6));
  };

  const update = (scene: SurfaceScene): void => {
    const { spec } = scene;
    // Path points arrive far more often than surfaces: the bands are redrawn only for a new grid.
    const gridChanged = !current || current.spec !== spec || current.field !== scene.field || current.contours !== scene.contours;
    current = scene;
    x.domain(spec.alpha);
    y.domain(spec.beta);
    if (gridChanged) drawGrid(scene);
    const points: [number, number][] = [];
    if (scene.path) {
      for (let t = 0; t < scene.path.alpha.length; t++) {
        const a = scene.path.alpha[t]!;
        const b = scene.path.beta[t]!;
        if (a >= spec.alpha[0] && a <= spec.alpha[1] && b >= spec.beta[0] && b <= spec.beta[1]) points.push([x(a), y(b)]);
      }
    }
    trail.attr('d', points.length >= 2 ? line()(points) : null);
    start.attr('display', points.length >= 2 ? null : 'none').attr('cx', points[0]?.[0] ?? 0).attr('cy', points[0]?.[1] ?? 0);
    marker.attr('cx', x(scene.current[0])).attr('cy', y(scene.current[1]));
  };

  const onMove = (event: PointerEvent): void => {
    if (!current) return;
    const [px, py] = pointer(event, svg);
    const alpha = x.invert(px);
    const beta = y.invert(py);
    const loss = gridSample(current.spec, current.values, alpha, beta);
    onHover(Number.isFinite(loss) ? { alpha, beta, loss } : null);
  };
  const onLeave = (): void => onHover(null);
  svg.addEventListener('pointermove', onMove);
  svg.addEventListener('pointerleave', onLeave);

  return {
    update,
    dispose: () => {
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerleave', onLeave);
      root.selectAll('*').remove();
    },
  };
}
