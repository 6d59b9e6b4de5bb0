import { useEffect, useRef } from 'react';
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
}

/** An SVG owned by React and drawn by the shared d3 line-chart renderer. */
export function LineChart({ series, view, width, height, options, className, testId, label }: LineChartProps) {
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

  return <svg ref={svgRef} className={className ?? 'line-chart'} style={{ maxWidth: width }} data-testid={testId} aria-label={label} />;
}
