import { formatFixed } from '../formatNumber';
import { useMemo, useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useTrainingStore } from '../../app/trainingStore';
import { configRuns } from '../../engine/config';
import { taskLossById } from '../../losses/taskLosses';
import { useRunLabels } from '../../app/runLabelHooks';
import type { RunLabel } from '../../app/runLabels';
import { runColour } from '../palette';
import { compareTask, SUMMARY_COLUMNS } from './compareTask';
import { summaryRows, summarySort, type SummaryKey, type SummaryRow } from './summaryRows';

function cell(row: SummaryRow, key: SummaryKey, digits: number | undefined, labels: readonly RunLabel[]): string {
  const value = row[key];
  if (key === 'run') return labels[row.run]?.text ?? String.fromCharCode(65 + row.run);
  if (key === 'diverged') return value === null ? 'no' : `at step ${String(value)}`;
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return formatFixed(value, digits ?? 3);
}

/** One row per run with its latest numbers, named by the run's label; click a header to sort by it. */
export function SummaryTable() {
  const task = useConfigStore((s) => compareTask(s.config.task));
  const columns = SUMMARY_COLUMNS[task];
  const runs = useTrainingStore((s) => s.runs);
  const frameCount = useTrainingStore((s) => s.frameCount);
  const lossNames = useConfigStore((s) => configRuns(s.config).map((r) => taskLossById(s.config.task, r.loss.id).name).join('\n'));
  // The runs share their data, so run A's minority classes are every run's.
  const minority = useTrainingStore((s) => {
    const names = s.points?.classNames;
    const classes = s.runs[0]?.evaluation?.minorityClasses ?? [];
    return classes.length === 0 ? null : classes.map((k) => names?.[k] ?? `class ${k + 1}`).join(', ');
  });
  const labels = useRunLabels();
  const [sort, setSort] = useState<{ key: SummaryKey; descending: boolean }>({ key: 'run', descending: false });
  const rows = useMemo(
    () => summarySort(summaryRows(runs, lossNames.split('\n')), sort.key, sort.descending),
    // The series inside the run states change in place; frameCount marks each repaint.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, lossNames, sort, frameCount],
  );
  return (
    <table className="summary-table" data-testid="summary-table" data-task={task}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} title={column.title} aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button
                type="button"
                className="link"
                data-testid={`sort-${column.key}`}
                onClick={() => setSort((s) => ({ key: column.key, descending: s.key === column.key ? !s.descending : false }))}
              >
                {column.key === 'minorityRecall' && minority ? `recall of ${minority}` : column.label}
                {sort.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.run} data-testid="summary-row" data-run={row.run} className={row.diverged !== null ? 'diverged' : undefined}>
            {columns.map((column) => (
              <td key={column.key} data-column={column.key} style={column.key === 'run' ? { color: runColour(row.run), fontWeight: 600 } : undefined}>
                {cell(row, column.key, column.digits, labels)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
