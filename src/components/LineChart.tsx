import { useEffect, useRef } from 'react';
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
 * An SVG owned by React and drawn by the shared d3 line-chart renderer, with a "table" toggle
 * that shows the same numbers as an HTML table (the chart stays mounted, hidden, meanwhile).
 */
export function LineChart({ series, view, width, height, options, className, testId, label, table = true }: LineChartProps) {
  const { shown, toggle } = useChartTableToggle(label);
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<LineChartRenderer | null>(null);
  const optionsRef = useRef(options);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = lineChartCreate(svgRef.current, width, height, optionsRef.current);
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [width, height]);

  useEffect(() => {
    renderer.current?.update(series, view);
  }, [series, view, width, height]);

  const svg = <svg ref={svgRef} className={className ?? 'line-chart'} style={table && shown ? { maxWidth: width, display: 'none' } : { maxWidth: width }} data-testid={testId} aria-label={label} />;
  if (!table) return svg;
  return (
    <div className="line-chart-frame">
      {svg}
      {shown && <ChartTable series={series} caption={label} />}
      <div className="chart-table-bar">{toggle}</div>
    </div>
  );
}
