import { useRef, useState } from 'react';
import { downloadBlob, exportFileName } from '../../app/export/download';
import { PANEL_CHART_SELECTOR, panelToPng } from '../../app/export/panelToPng';

/**
 * A small "PNG" button for a chart panel's header: it saves the charts of the panel it sits in
 * (its closest `<section>`) as one PNG, at twice their size on screen. `selector` narrows which
 * SVGs and canvases are taken; by default every chart with a test id, as on screen. `notes`: lines
 * the picture needs to be read without the page (a line style's key), under its title.
 */
export function ExportPngButton({ chart, selector = PANEL_CHART_SELECTOR, label, notes }: { chart: string; selector?: string; label?: string; notes?: readonly string[] }) {
  const button = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const panel = button.current?.closest('section');
    if (!panel) return;
    setBusy(true);
    setError(null);
    try {
      downloadBlob(await panelToPng(panel, selector, undefined, notes), exportFileName(chart, 'png', new Date()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export-png">
      <button
        ref={button}
        type="button"
        className="export-png-button"
        data-testid={`export-png-${chart}`}
        disabled={busy}
        title={`Save ${label ?? 'this chart'} as a PNG image`}
        aria-label={`Save ${label ?? 'this chart'} as PNG`}
        onClick={() => void save()}
      >
        PNG
      </button>
      {error && (
        <span className="export-png-error" role="alert" data-testid={`export-png-${chart}-error`}>
          {error}
        </span>
      )}
    </span>
  );
}
