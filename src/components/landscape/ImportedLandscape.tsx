import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { surfaceImportClose, surfaceImportDismissError, surfaceImportFile, useSurfaceImportStore } from '../../app/export/surfaceImportStore';
import type { SurfaceImport } from '../../app/export/surfaceFile';
import type { LandscapeView } from '../../engine/config';
import { lossById } from '../../losses/registry';
import { ExportPngButton } from '../export/ExportPngButton';
import { ContourView } from './ContourView';
import { importedDrawingNote, importedProvenance, importedScenes } from './importedSurface';
import { LandscapeViewTabs } from './LandscapeControls';
import type { SurfaceHover } from './surfaceScene';
import { SurfaceView } from './SurfaceView';

function lossName(id: string | null): string | null {
  if (!id) return null;
  try {
    return lossById(id).name;
  } catch {
    return null; // a loss this app does not know (a regression loss, a later one): its id is shown
  }
}

/** Drop a surface.json on the landscape panel to view it: the panel's drag-and-drop handlers. */
export function useSurfaceDrop(): { onDragOver(event: DragEvent): void; onDrop(event: DragEvent): void } {
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback((event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    void surfaceImportFile(file);
  }, []);
  return { onDragOver, onDrop };
}

/** Why the last surface file could not be shown; what was on screen stays. */
export function SurfaceImportError() {
  const error = useSurfaceImportStore((s) => s.error);
  if (!error) return null;
  return (
    <p className="warning" role="alert" data-testid="surface-import-error">
      Surface not imported: {error}{' '}
      <button type="button" className="link" onClick={surfaceImportDismissError}>
        dismiss
      </button>
    </p>
  );
}

/**
 * An imported surface (a PyTorch project's surface.json) in the landscape panel's place of the
 * live one: the same 3-D and contour views, with where it came from said above it.
 */
export function ImportedLandscape({ surface, view, logHeight }: { surface: SurfaceImport; view: LandscapeView; logHeight: boolean }) {
  const scenes = useMemo(() => importedScenes(surface, logHeight), [surface, logHeight]);
  const [hover, setHover] = useState<SurfaceHover | null>(null);
  const drop = useSurfaceDrop();
  const R = surface.spec.resolution;
  const note = importedDrawingNote(surface, scenes.mesh);
  const shown = view === 'contour' ? 'contour' : 'surface';
  const hoverText = (
    <p className="landscape-hover" data-testid="landscape-hover" aria-live="polite">
      {hover ? `α ${hover.alpha.toFixed(3)} · β ${hover.beta.toFixed(3)} · loss ${hover.loss.toPrecision(4)}` : 'Hover over the surface to read (α, β, loss).'}
    </p>
  );
  return (
    <section className="panel landscape-panel" aria-label="Loss landscape (imported)" data-testid="landscape-panel" data-imported="true" {...drop}>
      <header className="chart-header">
        <h2>Loss landscape</h2>
        <LandscapeViewTabs view={shown} />
        <ExportPngButton chart="landscape" label="the landscape view" selector=".landscape-stage svg[data-testid], .landscape-stage canvas[data-testid]" />
      </header>
      <div className="landscape-imported-bar">
        <p className="note" data-testid="landscape-imported" data-resolution={R} data-mesh-resolution={scenes.mesh.spec.resolution} data-path-points={surface.path?.steps.length ?? 0}>
          {importedProvenance(surface, lossName(surface.loss))}
        </p>
        <button type="button" data-testid="landscape-imported-close" title="Close the imported surface and show the one computed here" onClick={surfaceImportClose}>
          Live surface
        </button>
      </div>
      <SurfaceImportError />
      {view === 'slice' && <p className="note">An imported surface has no 1-D slice: it is shown in 3-D.</p>}
      <div className="landscape-stage">
        {shown === 'surface' ? (
          <SurfaceView scene={scenes.surface} onHover={setHover} options={{ testId: 'landscape-surface', label: `Imported loss surface (${R}×${R}) in 3-D`, caption: hoverText }} />
        ) : (
          <ContourView scene={scenes.contour} onHover={setHover} />
        )}
      </div>
      {shown === 'contour' && hoverText}
      <p className="note landscape-caption" data-testid="landscape-caption" data-resolution={R} data-min={surface.min} data-max={surface.max}>
        Loss from {surface.min.toPrecision(3)} to {surface.max.toPrecision(3)}
        {logHeight ? '; height is log₁₀ loss' : ''}, centred on the last checkpoint. {surface.path ? 'Orange: the path of the checkpoints (white dot: its start); red: the centre.' : 'Red: the centre.'} {note}
      </p>
    </section>
  );
}
