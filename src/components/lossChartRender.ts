import { lineChartCreate, type LineSeries } from './lineChartRender';

export type ChartSeries = LineSeries;

export interface LossChartRenderer {
  update(series: readonly ChartSeries[], logScale: boolean): void;
  dispose(): void;
}

/** Draws step–value curves into an SVG with d3. The owner calls update on every frame. */
export function lossChartCreate(svg: SVGSVGElement, width: number, height: number): LossChartRenderer {
  const chart = lineChartCreate(svg, width, height);
  return {
    update: (series, logScale) => chart.update(series, { logScale }),
    dispose: () => chart.dispose(),
  };
}
