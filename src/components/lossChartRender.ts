import { lineChartCreate, type LineSeries } from './lineChartRender';

export type ChartSeries = LineSeries;

export interface LossChartRenderer {
  /** `yMax` caps the y axis (lossChartCap.ts). */
  update(series: readonly ChartSeries[], logScale: boolean, yMax?: number): void;
  dispose(): void;
}

/** Draws the loss curves on a canvas (see lineChartCreate). The owner calls update on every repaint. */
export function lossChartCreate(canvas: HTMLCanvasElement, width: number, height: number): LossChartRenderer {
  const chart = lineChartCreate(canvas, width, height);
  return {
    update: (series, logScale, yMax) => chart.update(series, { logScale, ...(yMax !== undefined && { yMax }) }),
    dispose: () => chart.dispose(),
  };
}
