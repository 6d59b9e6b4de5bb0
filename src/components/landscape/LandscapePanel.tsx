import { useTrainingStore } from '../../app/trainingStore';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useLandscapeStore, type LandscapeSurface } from '../../app/landscapeStore';
import type { SurfacePath } from '../../workers/surveyorProtocol';
import { ContourView } from './ContourView';
import { ExportPngButton } from '../export/ExportPngButton';
import { useSurfaceImportStore } from '../../app/export/surfaceImportStore';
import { ImportedLandscape, SurfaceImportError, useSurfaceDrop } from './ImportedLandscape';
import { LandscapeViewTabs } from './LandscapeControls';
import { landscapeSetOpen } from './landscapeOpen';
import { LandscapeMultiples } from './LandscapeMultiples';
import { PathDiagnostics } from './PathDiagnostics';
import { SliceView } from './SliceView';
import { SurfaceView } from './SurfaceView';
import { MoeLandscapeNote } from '../moe/MoeLandscapeNote';
import { useDetailsDismiss } from '../layout/useDetailsDismiss';
import { heightField, type HeightField } from './surfaceField';
import type { SurfaceHover, SurfaceScene } from './surfaceScene';

function planeCaption(directions: string, explained: [number, number] | null): string {
  if (directions === 'pca' && explained) {
    return `PCA of the trajectory: d₁ explains ${(explained[0] * 100).toFixed(1)} %, d₂ ${(explained[1] * 100).toFixed(1)} % of its variance; centred on the current weights.`;
  }
  if (directions === 'solutions') return 'The plane through the initial weights (A), a middle checkpoint (B) and the current weights (C), centred on A.';
  return 'Two filter-normalised random directions (Li et al. 2018), centred on the current weights.';
}

function surfaceScene(surface: LandscapeSurface | null, path: SurfacePath | null, field: HeightField | null): SurfaceScene | null {
  if (!surface || !field) return null;
  const ownPath = path && surface.complete ? { alpha: path.alpha, beta: path.beta } : null;
  return { spec: surface.spec, values: surface.values, field, path: ownPath, current: surface.plane.current, contours: true };
}

function idleStatus(view: string, surface: LandscapeSurface | null, slice: { alphas: Float32Array } | null): string {
  if (view === 'slice') return slice ? `${slice.alphas.length} points along the line` : '';
  if (!surface) return '';
  return `step ${surface.step.toLocaleString('en')} · ${surface.spec.resolution}×${surface.spec.resolution} in ${(surface.elapsedMs / 1000).toFixed(2)} s`;
}

/**
 * L(θ + α·d₁ + β·d₂) around the weights, computed in the surveyor worker, with the optimizer's path
 * on it: one of the three core views, filling its box. Its settings sit in the settings column;
 * the path's diagnostics open over it from the header.
 */
export function LandscapePanel() {
  const settings = useConfigStore((s) => s.config.landscape);
  const surface = useLandscapeStore((s) => s.surface);
  const path = useLandscapeStore((s) => s.path);
  const slice = useLandscapeStore((s) => s.slice);
  const computing = useLandscapeStore((s) => s.computing);
  const progress = useLandscapeStore((s) => s.progress);
  const error = useLandscapeStore((s) => s.error);
  // A diverged run's weights are not finite: there is no surface around them to compute.
  const divergedAt = useTrainingStore((s) => s.runs[0]?.diverged?.step ?? null);
  const backend = useLandscapeStore((s) => s.backend);
  const runCount = useConfigStore((s) => 1 + s.config.compare.runs.length);
  const preference = useConfigStore((s) => s.config.task === 'preference');
  const [hover, setHover] = useState<(SurfaceHover & { run: number | null }) | null>(null);
  const onHover = useCallback((h: SurfaceHover | null) => setHover(h && { ...h, run: null }), []);
  const onRunHover = useCallback((h: SurfaceHover | null, run: number) => setHover(h && { ...h, run }), []);

  const logHeight = settings.logHeight;
  // The field follows the surface, not the path: a new path point keeps the surface as drawn.
  const field = useMemo(() => (surface ? heightField(surface.values, logHeight) : null), [surface, logHeight]);
  const scene = useMemo(() => surfaceScene(surface, path, field), [surface, path, field]);
  // A surface imported from a file (surface.json, or dropped on the panel) takes the live one's place.
  const imported = useSurfaceImportStore((s) => s.surface);
  const drop = useSurfaceDrop();
  const trustRef = useRef<HTMLDetailsElement>(null);
  useDetailsDismiss(trustRef);

  if (imported) return <ImportedLandscape surface={imported} view={settings.view} logHeight={logHeight} />;
  if (!settings.open) {
    return (
      <section className="panel landscape-panel closed" aria-label="Loss landscape" data-testid="landscape-panel" {...drop}>
        <header className="chart-header">
          <h2>Loss landscape</h2>
        </header>
        <div className="landscape-off">
          <p className="note">The loss around the weights in 3-D, with the optimizer&apos;s path, computed beside training in its own worker. It is turned off.</p>
          <button type="button" className="primary" data-testid="landscape-open" onClick={() => landscapeSetOpen(true)}>
            Show the loss landscape
          </button>
        </div>
        <SurfaceImportError />
      </section>
    );
  }

  const planar = settings.view !== 'slice';
  const compare = runCount > 1;
  const status = computing ? (surface && !surface.complete ? (surface.phase === 'preview' ? 'preview' : 'full grid') : 'computing') : 'idle';
  const hoverText = (
    <p className="landscape-hover" data-testid="landscape-hover" aria-live="polite">
      {hover
        ? `${hover.run === null ? '' : `run ${String.fromCharCode(65 + hover.run)} · `}α ${hover.alpha.toFixed(3)} · β ${hover.beta.toFixed(3)} · loss ${hover.loss.toPrecision(4)}`
        : 'Hover over the surface to read (α, β, loss).'}
    </p>
  );
  return (
    <section className="panel landscape-panel" aria-label="Loss landscape" data-testid="landscape-panel" {...drop}>
      <header className="chart-header">
        <h2>Loss landscape</h2>
        <LandscapeViewTabs view={settings.view} compare={compare} />
        {planar && (
          <details className="landscape-trust" ref={trustRef}>
            <summary data-testid="landscape-trust">Path trust</summary>
            <div className="landscape-trust-body">
              <PathDiagnostics path={surface?.complete ? path : null} run={compare ? 'run A' : null} />
            </div>
          </details>
        )}
        <ExportPngButton chart="landscape" label="the landscape view" selector=".landscape-stage svg[data-testid], .landscape-stage canvas[data-testid]" />
      </header>
      <div className="landscape-status" data-testid="landscape-status" data-state={status}>
        <progress max={1} value={computing ? progress : 1} data-testid="landscape-progress" aria-label="Surface progress" />
        <span className="note">
          {computing ? (planar ? `computing${status === 'computing' ? '' : ` the ${status}`}… ${Math.round(progress * 100)} %` : 'computing the slice…') : idleStatus(settings.view, surface, slice)}
          {backend && ` · surveyor on ${backend.name}`}
        </span>
      </div>
      <SurfaceImportError />
      {divergedAt !== null ? (
        <p className="warning" data-testid="landscape-diverged">
          {runCount > 1 ? 'Run A' : 'The run'} diverged at step {divergedAt}: its weights are no longer finite numbers, so there is no loss surface around them. Reset, or
          lower the learning rate.
        </p>
      ) : (
        error && (
          <p className="warning" data-testid="landscape-error">
            {error}
          </p>
        )
      )}
      {/* A diverged run A has no surface: the notice above takes the stage's place. */}
      <div className="landscape-stage" hidden={divergedAt !== null}>
        {compare && planar && <LandscapeMultiples view={settings.view === 'surface' ? 'surface' : 'contour'} logHeight={logHeight} onHover={onRunHover} />}
        {!compare && settings.view === 'surface' && <SurfaceView scene={scene} onHover={onHover} options={{ caption: hoverText }} />}
        {!compare && settings.view === 'contour' && <ContourView scene={scene} onHover={onHover} />}
        {settings.view === 'slice' && <SliceView slice={slice} />}
      </div>
      {compare && settings.view === 'slice' && (
        <p className="note" data-testid="landscape-slice-note">
          The straight line between run A’s current weights and another run’s (the selected run, or B), measured with {preference ? 'run A’s objective (its pairs, or its forget and retain sets)' : 'run A’s loss on the training set'}.
        </p>
      )}
      {planar && (compare || settings.view === 'contour') && hoverText}
      {!compare && planar && surface && (
        <p className="note landscape-caption" data-testid="landscape-caption" data-resolution={surface.spec.resolution} data-min={surface.min} data-max={surface.max}>
          {planeCaption(surface.plane.directions, surface.plane.explainedVariance)}{' '}
          {Number.isFinite(surface.min) && Number.isFinite(surface.max) ? `Loss from ${surface.min.toPrecision(3)} to ${surface.max.toPrecision(3)}` : 'The loss is not finite anywhere on this plane'}
          {settings.logHeight ? `; height is log₁₀ loss${surface.min <= 0 ? ', and a loss ≤ 0 (gradient ascent’s goes below 0) sits on its floor' : ''}` : ''}. Orange: the optimizer&apos;s path (white dot: its start); red: the current weights.
        </p>
      )}
      {planar && <MoeLandscapeNote />}
    </section>
  );
}
