import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';

/** Everything the app had to adjust or could not do, said plainly; nothing here blocks the app. */
export function Notices({ urlNotices }: { urlNotices: readonly string[] }) {
  const notices = useConfigStore((s) => s.notices);
  const dismiss = useConfigStore((s) => s.dismissNotices);
  const diverged = useTrainingStore((s) => s.diverged);
  const error = useTrainingStore((s) => s.error);
  const adjusted = [...urlNotices, ...notices];
  return (
    <div className="notices" aria-live="polite">
      {diverged && (
        <p className="notice notice-error" data-testid="diverged">
          Diverged at step {diverged.step}: {diverged.reason}. Reset to start again.
        </p>
      )}
      {error && !diverged && (
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
