import { useEffect, useRef } from 'react';
import type { SliceResult } from '../../workers/surveyorProtocol';
import { plotCreate, type PlotRenderer } from './plotRender';

const WIDTH = 620;
const HEIGHT = 320;

function endName(label: string, step: number | null): string {
  return step === null ? label : `${label} (step ${step.toLocaleString('en')})`;
}

/** L((1−α)·θ_A + α·θ_B) for α from −0.5 to 1.5, the chord between the ends, and the barrier. */
export function SliceView({ slice }: { slice: SliceResult | null }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<PlotRenderer | null>(null);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = plotCreate(svgRef.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    if (!slice) return;
    const points = Array.from(slice.alphas, (a, k): [number, number] => [a, slice.losses[k]!]);
    const { barrier } = slice;
    const chordAt = (a: number): number => (1 - a) * slice.lossA + a * slice.lossB;
    renderer.current?.update({
      lines: [
        { name: 'loss', points, colour: '#0072B2' },
        { name: 'chord', points: [[0, slice.lossA], [1, slice.lossB]], colour: '#5b6776', dashed: true },
      ],
      marks: [
        { x: 0, y: slice.lossA, colour: '#14202e', label: 'A' },
        { x: 1, y: slice.lossB, colour: '#D55E00', label: 'B' },
        ...(barrier.height > 0 ? [{ x: barrier.alpha, y: chordAt(barrier.alpha) + barrier.height, colour: '#CC79A7', label: 'barrier' }] : []),
      ],
      rules: [
        { x: 0, label: 'α = 0' },
        { x: 1, label: 'α = 1' },
      ],
      xLabel: 'α: θ = (1−α)·θ_A + α·θ_B',
      yLabel: 'training loss',
      xDomain: [slice.alphas[0] ?? -0.5, slice.alphas[slice.alphas.length - 1] ?? 1.5],
    });
  }, [slice]);

  return (
    <div className="landscape-figure">
      <svg ref={svgRef} className="landscape-plot" data-testid="landscape-slice" data-points={slice?.alphas.length ?? 0} />
      {slice && (
        <p className="note" data-testid="landscape-barrier">
          A = {endName(slice.labels[0], slice.steps[0])}, B = {endName(slice.labels[1], slice.steps[1])}. Barrier height{' '}
          <strong>{slice.barrier.height.toPrecision(3)}</strong>
          {slice.barrier.height > 0
            ? ` at α = ${slice.barrier.alpha.toFixed(2)}: the loss rises that far above the straight chord between the two ends.`
            : ': the loss never rises above the chord between the ends — they are linearly connected.'}
        </p>
      )}
    </div>
  );
}
