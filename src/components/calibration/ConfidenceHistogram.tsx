import { useEffect, useRef } from 'react';
import type { CalibrationReport } from '../../engine/metrics/calibration';
import { histogramCreate, type HistogramRenderer } from './histogramRender';

const WIDTH = 260;
const HEIGHT = 150;

/** Mean top-label confidence over all examples, from the reliability bins' counts and means. */
export function reportMeanConfidence(report: CalibrationReport): number {
  let total = 0;
  let sum = 0;
  for (const bin of report.bins) {
    if (bin.confidence === null) continue;
    total += bin.count;
    sum += bin.count * bin.confidence;
  }
  return total > 0 ? sum / total : NaN;
}

/** Examples per confidence bin, correct and wrong stacked. */
export function ConfidenceHistogram({ report }: { report: CalibrationReport | null }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<HistogramRenderer | null>(null);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = histogramCreate(svgRef.current, WIDTH, HEIGHT);
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    renderer.current?.update(report?.histogram ?? null, report ? { accuracy: report.accuracy, meanConfidence: reportMeanConfidence(report) } : null);
  }, [report]);

  return <svg ref={svgRef} className="confidence-histogram" data-testid="confidence-histogram" aria-label="Confidence histogram, correct and wrong" />;
}
