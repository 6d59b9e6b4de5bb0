import { useConfigStore } from '../../app/configStore';
import { importStoreDismiss, importStoreDismissError, useImportStore } from '../../app/export/importStore';
import { runMetricsFinalLoss, type RunRecord } from '../../app/export/runMetrics';
import { runLabelAt, runLabels } from '../../app/runLabels';

function finalLoss(run: RunRecord): string {
  const final = runMetricsFinalLoss(run.metrics);
  const loss = final ? `final train loss ${Number.isFinite(final.value) ? final.value.toPrecision(4) : String(final.value)}` : 'no training loss recorded';
  const diverged = run.diverged ? ` (diverged at step ${run.diverged.step.toLocaleString('en')})` : '';
  return `${loss}, ${run.step.toLocaleString('en')} steps${diverged}`;
}

/** What an imported run file brought (or why it could not be read), under the header's notices. */
export function ImportedRun() {
  const imported = useImportStore((s) => s.imported);
  const error = useImportStore((s) => s.error);
  const config = useConfigStore((s) => s.config);
  if (!imported && !error) return null;
  const labels = runLabels(config);
  const when = imported?.exportedAt ? imported.exportedAt.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }) : 'an unknown date';
  return (
    <div className="notices imported-run">
      {error && (
        <p className="notice notice-error" role="alert" data-testid="import-error">
          Not imported: {error}{' '}
          <button type="button" className="link" onClick={importStoreDismissError}>
            dismiss
          </button>
        </p>
      )}
      {imported && (
        <p className="notice" data-testid="imported-run">
          Imported run from {when}:{' '}
          {imported.runs.length === 0
            ? 'no metrics'
            : imported.runs.length === 1
              ? finalLoss(imported.runs[0]!)
              : imported.runs.map((run, i) => `${runLabelAt(labels, i)}: ${finalLoss(run)}`).join('; ')}
          . Its configuration is loaded; its training loss is drawn dashed grey in the loss chart until the experiment is changed.{' '}
          <button type="button" className="link" data-testid="imported-run-dismiss" onClick={importStoreDismiss}>
            dismiss
          </button>
        </p>
      )}
    </div>
  );
}
