import { memo, useEffect, useRef } from 'react';
import { ChartTable, useChartTableToggle } from './ChartTable';
import { lineChartCreate, type LineChartOptions, type LineChartRenderer, type LineChartView, type LineSeries } from './lineChartRender';

interface LineChartProps {
  series: readonly LineSeries[];
  view: LineChartView;
  width: number;
  height: number;
  /** Read once, when the chart is created. */
  options?: LineChartOptions;
  className?: string;
  testId?: string;
  label: string;
  /** A toggle that shows the series as a table instead (on by default). */
  table?: boolean;
}

/**
 * A canvas drawn by the shared line-chart renderer, with a "table" toggle that shows the same
 * numbers as an HTML table (the chart stays mounted, hidden, meanwhile). Memoised: a parent
 * that re-renders with the same series and view costs nothing here.
 */
export const LineChart = memo(function LineChart({ series, view, width, height, options, className, testId, label, table = true }: LineChartProps) {
  const { shown, toggle } = useChartTableToggle(label);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<LineChartRenderer | null>(null);
  const optionsRef = useRef(options);

  useEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = lineChartCreate(canvasRef.current, width, height, optionsRef.current);
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [width, height]);

  useEffect(() => {
    renderer.current?.update(series, view);
  }, [series, view, width, height]);

  const canvas = (
    <canvas
      ref={canvasRef}
      className={className ?? 'line-chart'}
      style={table && shown ? { maxWidth: width, display: 'none' } : { maxWidth: width }}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
  if (!table) return canvas;
  return (
    <div className="line-chart-frame">
      {canvas}
      {shown && <ChartTable series={series} caption={label} />}
      <div className="chart-table-bar">{toggle}</div>
    </div>
  );
});
