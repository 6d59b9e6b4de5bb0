import { useEffect, useRef } from 'react';
import type { CalibrationReport } from '../../engine/metrics/calibration';
import { reliabilityCreate, type ReliabilityRenderer } from './reliabilityRender';

const SIZE = 260;

/** The reliability diagram of one calibration report (or its empty frame before there is one). */
export function ReliabilityDiagram({ report, size = SIZE, testId = 'reliability-diagram' }: { report: CalibrationReport | null; size?: number; testId?: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<ReliabilityRenderer | null>(null);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = reliabilityCreate(svgRef.current, size, size);
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [size]);

  useEffect(() => {
    renderer.current?.update(report);
  }, [report, size]);

  return <svg ref={svgRef} className="reliability-diagram" data-testid={testId} style={{ maxWidth: size }} aria-label="Reliability diagram: accuracy per confidence bin" />;
}
