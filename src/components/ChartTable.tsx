import { useMemo, useState, type ReactNode } from 'react';
import { chartTableFormat, chartTableRows, type TableSeries } from './chartTable';

const MAX_ROWS = 200;

/** A chart's numbers as an HTML table: one column per series, at most MAX_ROWS rows. */
export function ChartTable({ series, caption, stepLabel = 'step' }: { series: readonly TableSeries[]; caption: string; stepLabel?: string }) {
  const rows = useMemo(() => chartTableRows(series, MAX_ROWS), [series]);
  const thinned = rows.total > rows.steps.length;
  return (
    <div className="chart-table-wrap">
      <table className="chart-table" data-testid="chart-table">
        <caption>
          {caption}
          {thinned ? ` — ${rows.steps.length} of ${rows.total} steps, evenly spaced; each row shows each series’ last value since the previous row` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{stepLabel}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.steps.length === 0 && (
            <tr>
              <td colSpan={series.length + 1}>No numbers yet: train to fill the table.</td>
            </tr>
          )}
          {rows.steps.map((step, i) => (
            <tr key={step}>
              <th scope="row">{step}</th>
              {rows.cells[i]!.map((value, j) => (
                <td key={j}>{chartTableFormat(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A small toggle between a chart and its table; the state is local to the chart. */
export function useChartTableToggle(label: string): { shown: boolean; toggle: ReactNode } {
  const [shown, setShown] = useState(false);
  const toggle = (
    <button type="button" className="chip chart-table-toggle" aria-pressed={shown} data-testid="chart-table-toggle" title={`Show the numbers of “${label}” as a table`} onClick={() => setShown(!shown)}>
      table
    </button>
  );
  return { shown, toggle };
}
