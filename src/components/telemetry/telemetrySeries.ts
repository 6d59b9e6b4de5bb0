import type { TelemetryPoint } from '../../workers/protocol';
import type { LineSeries } from '../lineChartRender';
import { CLASS_COLOURS } from '../palette';

/** The colour of the global quantity, drawn over the per-layer ones. */
export const GLOBAL_COLOUR = '#14202e';

export interface LayerKey {
  name: string;
  colour: string;
}

/** "layer 1" … "layer L−1", then "output", coloured from the colour-blind-safe palette. */
export function telemetryLayers(count: number): LayerKey[] {
  return Array.from({ length: count }, (_, i) => ({
    name: i === count - 1 && count > 1 ? 'output' : `layer ${i + 1}`,
    colour: CLASS_COLOURS[i % CLASS_COLOURS.length]!,
  }));
}

/** Number of layers the telemetry reports (the longest per-layer list seen). */
export function telemetryLayerCount(points: readonly TelemetryPoint[]): number {
  let count = 0;
  for (const p of points) count = Math.max(count, p.layerGradientNorms.length, p.layerUpdateRatios.length);
  return count;
}

function perLayer(points: readonly TelemetryPoint[], steps: number[], pick: (p: TelemetryPoint) => readonly number[]): LineSeries[] {
  return telemetryLayers(telemetryLayerCount(points)).map((layer, i) => ({
    name: layer.name,
    colour: layer.colour,
    steps,
    values: points.map((p) => pick(p)[i] ?? NaN),
  }));
}

export interface TelemetryCharts {
  gradientNorms: LineSeries[];
  updateRatios: LineSeries[];
  distanceFromInit: LineSeries[];
  logitNorm: LineSeries[];
}

/** The telemetry history as the four charts' series. */
export function telemetryCharts(points: readonly TelemetryPoint[]): TelemetryCharts {
  const steps = points.map((p) => p.step);
  const single = (name: string, values: number[]): LineSeries[] => [{ name, colour: GLOBAL_COLOUR, steps, values }];
  return {
    gradientNorms: [
      ...perLayer(points, steps, (p) => p.layerGradientNorms),
      { name: 'global', colour: GLOBAL_COLOUR, steps, values: points.map((p) => p.gradientNorm), testId: 'gradient-norm-global' },
    ],
    updateRatios: perLayer(points, steps, (p) => p.layerUpdateRatios),
    distanceFromInit: single('‖θ − θ₀‖', points.map((p) => p.distanceFromInit)),
    logitNorm: single('mean ‖z‖', points.map((p) => p.meanLogitNorm)),
  };
}
