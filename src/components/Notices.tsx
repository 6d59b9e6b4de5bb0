import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import { faultNoticesDismiss, useFaultStore } from '../app/faultStore';
import { useMemo } from 'react';
import { runLabelAt, runLabels } from '../app/runLabels';

/** Everything the app had to adjust or could not do, said plainly; nothing here blocks the app. */
export function Notices({ urlNotices }: { urlNotices: readonly string[] }) {
  const notices = useConfigStore((s) => s.notices);
  const dismiss = useConfigStore((s) => s.dismissNotices);
  const runs = useTrainingStore((s) => s.runs);
  const config = useConfigStore((s) => s.config);
  // A diverged run is named by what sets it apart ("B · lr 100"), not by its letter alone.
  const labels = useMemo(() => runLabels(config), [config]);
  const diverged = runs.map((run, i) => ({ run: i, diverged: run.diverged })).filter((r) => r.diverged !== null);
  const error = useTrainingStore((s) => s.error);
  const faults = useFaultStore((s) => s.notices);
  const adjusted = [...urlNotices, ...notices];
  return (
    <div className="notices" aria-live="polite">
      {diverged.map(({ run, diverged: d }) => (
        <p key={run} className="notice notice-error" data-testid="diverged" data-run={run}>
          {runs.length > 1 ? `Run ${runLabelAt(labels, run)} diverged` : 'Diverged'} at step {d!.step}: {d!.reason}.{' '}
          {runs.length > 1 ? 'It stopped; the other runs go on. Reset to start it again.' : 'Reset to start again.'}
        </p>
      ))}
      {faults.length > 0 && (
        <div className="notice" data-testid="fault-notices" role="status">
          <span>{faults.join(' ')}</span>
          <button type="button" className="link" onClick={faultNoticesDismiss}>
            dismiss
          </button>
        </div>
      )}
      {error && diverged.length === 0 && (
        <p className="notice notice-error" data-testid="error">
          {error}
        </p>
      )}
      {adjusted.length > 0 && (
        <div className="notice" data-testid="notices">
          <span>Adjusted: {adjusted.join('; ')}</span>
          {notices.length > 0 && (
            <button type="button" className="link" onClick={dismiss}>
              dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}
