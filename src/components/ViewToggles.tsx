import { useConfigStore } from '../app/configStore';
import { VIEW_IDS, type ViewId } from '../engine/config';
import type { Task } from '../engine/task';

const LABELS: Record<ViewId, string> = {
  lossShape: 'Loss shape',
  calibration: 'Calibration',
  sharpness: 'Sharpness',
  telemetry: 'Gradients',
  network: 'Network',
};

/** Views that read class probabilities: a regression has none (its fit and residuals show instead). */
const CLASSES_ONLY: readonly ViewId[] = ['calibration'];

/** Whether view `id` has anything to show for this task. */
function viewApplies(id: ViewId, task: Task): boolean {
  return task !== 'regression' || !CLASSES_ONLY.includes(id);
}

/** Opens and closes the optional views. A closed view is not rendered at all. */
export function ViewToggles() {
  const views = useConfigStore((s) => s.config.views);
  const task = useConfigStore((s) => s.config.task);
  const update = useConfigStore((s) => s.update);
  return (
    <div className="view-toggles" role="group" aria-label="Views">
      {VIEW_IDS.filter((id) => viewApplies(id, task)).map((id) => (
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
  const open = useConfigStore((s) => s.config.views[id] && viewApplies(id, s.config.task));
  return open ? <>{children}</> : null;
}
