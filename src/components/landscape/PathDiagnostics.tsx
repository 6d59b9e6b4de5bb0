import { useEffect, useMemo, useRef } from 'react';
import type { SurfacePath } from '../../workers/surveyorProtocol';
import { plotCreate, type PlotRenderer } from './plotRender';
import { pathAgreement } from './pathDiagnostics';

const WIDTH = 330;
const HEIGHT = 190;

function usePlot(data: Parameters<PlotRenderer['update']>[0] | null) {
  const ref = useRef<SVGSVGElement>(null);
  const renderer = useRef<PlotRenderer | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    renderer.current = plotCreate(ref.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);
  useEffect(() => {
    if (data) renderer.current?.update(data);
  }, [data]);
  return ref;
}

/**
 * Honest projection: each checkpoint's true loss beside the surface's loss under its drawn point,
 * and its distance off the plane, with a plain note when the two losses disagree a lot.
 */
export function PathDiagnostics({ path, run = null }: { path: SurfacePath | null; run?: string | null }) {
  const losses = useMemo(() => {
    if (!path) return null;
    const steps = Array.from(path.steps);
    return {
      lines: [
        { name: 'true', points: steps.map((s, t): [number, number] => [s, path.loss[t]!]), colour: '#0072B2' },
        { name: 'surface', points: steps.map((s, t): [number, number] => [s, path.surfaceLoss[t]!]), colour: '#E69F00', dashed: true },
      ],
      xLabel: 'step',
      yLabel: 'loss at the checkpoint',
    };
  }, [path]);
  const distances = useMemo(() => {
    if (!path) return null;
    return {
      lines: [{ name: 'distance', points: Array.from(path.steps, (s, t): [number, number] => [s, path.distance[t]!]), colour: '#009E73' }],
      xLabel: 'step',
      yLabel: '‖θ − plane‖',
    };
  }, [path]);
  const lossRef = usePlot(losses);
  const distanceRef = usePlot(distances);
  const agreement = path ? pathAgreement(path) : null;

  return (
    <div className="landscape-diagnostics" data-testid="landscape-diagnostics" data-checkpoints={path?.steps.length ?? 0}>
      <h3>How far to trust the drawn path{run === null ? '' : ` (${run})`}</h3>
      <div className="landscape-diagnostics-plots">
        <figure>
          <svg ref={lossRef} className="landscape-plot" data-testid="landscape-diagnostics-loss" />
          <figcaption className="legend">
            <span className="swatch" style={{ background: '#0072B2' }} /> true loss
            <span className="swatch dashed" style={{ borderColor: '#E69F00' }} /> surface under the drawn point
          </figcaption>
        </figure>
        <figure>
          <svg ref={distanceRef} className="landscape-plot" data-testid="landscape-diagnostics-distance" />
          <figcaption className="legend">distance of each checkpoint from the plane</figcaption>
        </figure>
      </div>
      {!path && <p className="note placeholder">The path's diagnostics appear when a full surface is complete.</p>}
      {agreement?.disagrees && (
        <p className="warning" data-testid="landscape-disagree-note">
          The path is a projection, not a walk on this surface: at step {agreement.worstStep?.toLocaleString('en')} the true loss and the surface under
          the drawn point differ by {Math.round(agreement.worstRelativeGap * 100)} %, and checkpoints lie up to {agreement.maxDistance.toPrecision(3)} off the
          plane. Read where the path goes, not the heights along it.
        </p>
      )}
      {agreement && agreement.offGrid > 0 && (
        <p className="note">{agreement.offGrid} checkpoint(s) project outside the grid and are not drawn.</p>
      )}
    </div>
  );
}
