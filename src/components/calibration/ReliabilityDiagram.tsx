import { useEffect, useRef } from 'react';
import type { CalibrationReport } from '../../engine/metrics/calibration';
import { reliabilityCreate, type ReliabilityRenderer } from './reliabilityRender';

const SIZE = 260;

/** The reliability diagram of one calibration report (or its empty frame before there is one). */
export function ReliabilityDiagram({ report }: { report: CalibrationReport | null }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<ReliabilityRenderer | null>(null);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = reliabilityCreate(svgRef.current, SIZE, SIZE);
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    renderer.current?.update(report);
  }, [report]);

  return <svg ref={svgRef} className="reliability-diagram" data-testid="reliability-diagram" aria-label="Reliability diagram: accuracy per confidence bin" />;
}
