import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConfigStore } from '../../app/configStore';
import { useTrainingStore } from '../../app/trainingStore';
import { landscapeSharedRange, useLandscapeStore, type LandscapeRunView } from '../../app/landscapeStore';
import { runLabelAt, runLabels } from '../../app/runLabels';
import { configRuns } from '../../engine/config';
import { runColour } from '../palette';
import { ContourView } from './ContourView';
import { heightField, heightFieldsMemo, heightFieldsShared, type HeightField } from './surfaceField';
import type { SurfaceHover, SurfaceScene } from './surfaceScene';
import { SurfaceView } from './SurfaceView';

// Each surface fills its cell of the grid; these are the drawing sizes until the cell is measured.
const SURFACE = { width: 320, height: 240, compact: true };
const CONTOUR = { width: 320, height: 280 };

/**
 * One scene per run, every height field on one scale (range and clipping over all the grids),
 * so the same height and colour mean the same loss on every surface; with `ownScale`, each on its
 * own (heightField per grid), so a run whose losses are far smaller than another's is not flat.
 */
export function landscapeSharedScenes(
  runs: readonly LandscapeRunView[],
  runCount: number,
  logHeight: boolean,
  fieldsOf: (grids: readonly ArrayLike<number>[], logHeight: boolean) => HeightField[] = heightFieldsShared,
  ownScale = false,
): (SurfaceScene | null)[] {
  const views = Array.from({ length: runCount }, (_, run) => runs[run] ?? { surface: null, path: null });
  const shown = views.flatMap((v) => (v.surface ? [v.surface.values] : []));
  const fields = ownScale ? shown.map((values) => heightField(values, logHeight)) : fieldsOf(shown, logHeight);
  let k = 0;
  return views.map(({ surface, path }) => {
    if (!surface) return null;
    const field = fields[k++]!;
    const ownPath = path && surface.complete ? { alpha: path.alpha, beta: path.beta } : null;
    return { spec: surface.spec, values: surface.values, field, path: ownPath, current: surface.plane.current, contours: true };
  });
}

/** Above this ratio between the widest and the narrowest run's loss range, a shared scale flattens the narrow ones. */
const SPREAD_HINT = 4;

/** The widest run's loss range over the narrowest's (1 with fewer than two finite ranges). */
export function spreadRatio(runs: readonly LandscapeRunView[]): number {
  const spans = runs.flatMap((r) => (r.surface && Number.isFinite(r.surface.max - r.surface.min) && r.surface.max > r.surface.min ? [r.surface.max - r.surface.min] : []));
  return spans.length < 2 ? 1 : Math.max(...spans) / Math.min(...spans);
}

function caveat(directions: string): string {
  const same =
    directions === 'random'
      ? 'Every run is surveyed along directions drawn from the same seed, but each is filter-normalised to that run’s own weights'
      : directions === 'pca'
        ? 'Each run’s plane is the PCA of its own trajectory'
        : 'Each run’s plane goes through its own three solutions';
  return `${same}, so the same (α, β) is not the same slice of weight space for different runs: compare shapes and heights, not positions.`;
}

/** A comparison's loss surfaces side by side: one per run, one height and colour scale, linked cameras. */
export function LandscapeMultiples({ view, logHeight, onHover }: { view: 'surface' | 'contour'; logHeight: boolean; onHover(hover: SurfaceHover | null, run: number): void }) {
  const runs = useLandscapeStore((s) => s.runs);
  const directions = useConfigStore((s) => s.config.landscape.directions);
  const losses = useConfigStore(useShallow((s) => configRuns(s.config).map((c) => c.loss.id)));
  // The fields change only with a new surface (or the log setting), not with each path point.
  const fieldsOf = useMemo(() => heightFieldsMemo(), []);
  const ownScale = useConfigStore((s) => s.config.landscape.ownScale);
  const scenes = useMemo(() => landscapeSharedScenes(runs, losses.length, logHeight, fieldsOf, ownScale), [runs, losses.length, logHeight, fieldsOf, ownScale]);
  const hovers = useMemo(() => losses.map((_, run) => (hover: SurfaceHover | null) => onHover(hover, run)), [losses, onHover]);
  const diverged = useTrainingStore(useShallow((s) => s.runs.map((r) => r.diverged !== null)));
  const scale = landscapeSharedRange(runs);
  const config = useConfigStore((s) => s.config);
  const labels = useMemo(() => runLabels(config), [config]);
  return (
    <>
      <details className="landscape-caveat-box">
        <summary className="note" title="Not the same slice for each run: compare shapes, not positions">
          Not the same slice for each run: compare shapes, not positions
        </summary>
        <p className="note landscape-caveat" data-testid="landscape-caveat">
          {caveat(directions)}
        </p>
        {scale && (
          <p className="note" data-testid="landscape-scale" data-z-min={scale.zMin} data-z-max={scale.zMax} data-own-scale={ownScale}>
            {ownScale ? 'Each run on its own height and colour scale (its range under it): equal heights on two surfaces are not equal losses' : 'One scale for every run'}: loss
            from {scale.zMin.toPrecision(3)} to {scale.zMax.toPrecision(3)}
            {logHeight ? `, height log₁₀ loss${scale.zMin <= 0 ? ' (a loss ≤ 0 sits on its floor)' : ''}` : ''}. Orange: each run’s path (white dot: its start); red: its current weights.
            {view === 'surface' && ' The cameras move together: drag, or focus a surface and use the arrow keys to orbit and + − to zoom.'}
          </p>
        )}
      </details>
      {!ownScale && spreadRatio(runs) > SPREAD_HINT && (
        <p className="note landscape-scale-hint" data-testid="landscape-scale-hint" title={`The runs’ losses differ in scale by more than ${SPREAD_HINT}×: tick “each run its own scale” under the landscape’s settings to see each run’s shape.`}>
          The runs’ losses differ in scale by more than {SPREAD_HINT}×, so on one shared scale the flatter surfaces hide their shape: tick “each run its own scale”
          under the landscape’s settings to see each.
        </p>
      )}
      <div className="landscape-multiples" data-runs={losses.length}>
        {losses.map((_, run) => {
          const surface = runs[run]?.surface ?? null;
          const name = runLabelAt(labels, run);
          const detail = surface ? `step ${surface.step.toLocaleString('en')} · loss ${surface.min.toPrecision(3)}–${surface.max.toPrecision(3)}` : diverged[run] ? 'diverged: no surface' : 'waiting for its surface';
          return (
            <figure key={run} className="multiple" data-testid={`landscape-multiple-${run}`} data-complete={surface?.complete ?? false}>
              {view === 'surface' ? (
                <SurfaceView scene={scenes[run] ?? null} onHover={hovers[run]!} options={{ ...SURFACE, testId: `landscape-surface-${run}`, label: `${name}: loss surface in 3-D`, link: `run-${run}` }} />
              ) : (
                <ContourView scene={scenes[run] ?? null} onHover={hovers[run]!} options={{ ...CONTOUR, testId: `landscape-contour-${run}` }} />
              )}
              <figcaption title={`${name}: ${detail}`}>
                <span className="multiple-name">
                  <span className="swatch" style={{ background: runColour(run) }} /> {name}
                </span>{' '}
                <span className="multiple-detail">{detail}</span>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </>
  );
}
