import { useConfigStore } from '../app/configStore';
import { VIEW_IDS, type ViewId } from '../engine/config';

const LABELS: Record<ViewId, string> = {
  lossShape: 'Loss shape',
  calibration: 'Calibration',
  sharpness: 'Sharpness',
  telemetry: 'Gradients',
  network: 'Network',
};

/** Opens and closes the optional views. A closed view is not rendered at all. */
export function ViewToggles() {
  const views = useConfigStore((s) => s.config.views);
  const update = useConfigStore((s) => s.update);
  return (
    <div className="view-toggles" role="group" aria-label="Views">
      {VIEW_IDS.map((id) => (
        <button
          key={id}
          type="button"
          className={views[id] ? 'chip chip-on' : 'chip'}
          aria-pressed={views[id]}
          data-testid={`view-toggle-${id}`}
          onClick={() => update((c) => void (c.views[id] = !c.views[id]))}
        >
          {LABELS[id]}
        </button>
      ))}
    </div>
  );
}

/** Renders its children only while the view is open. */
export function OptionalView({ id, children }: { id: ViewId; children: React.ReactNode }) {
  const open = useConfigStore((s) => s.config.views[id]);
  return open ? <>{children}</> : null;
}
