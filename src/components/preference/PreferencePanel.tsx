import { useMemo } from 'react';
import { useTrainingStore } from '../../app/trainingStore';
import { useConfigStore } from '../../app/configStore';
import { useRunLabels } from '../../app/runLabelHooks';
import { preferenceLossFind } from '../../losses/preference/registry';
import type { PreferencePoint } from '../../workers/protocol';
import { LineChart } from '../LineChart';
import { useBoxSize } from '../layout/useBoxSize';
import { runColour } from '../palette';
import { PREFERENCE_CHARTS, preferenceChartSeries, type PreferenceMetric } from './preferenceSeries';

const EMPTY: readonly PreferencePoint[] = [];
const CHART_OPTIONS = { margin: { left: 44, bottom: 22, right: 10 }, xLabel: 'step', yTicks: 4 } as const;

/** Each run's change since step 0 of log π(y_w), log π(y_l), and its latest other numbers. */
const READOUT: readonly { key: PreferenceMetric; label: string; title: string; change: boolean }[] = [
  { key: 'logChosen', label: 'Δlog π_w', title: 'change of mean log π(y_w|x) since step 0', change: true },
  { key: 'logRejected', label: 'Δlog π_l', title: 'change of mean log π(y_l|x) since step 0', change: true },
  { key: 'margin', label: 'margin', title: 'implicit reward margin per unit β', change: false },
  { key: 'cosine', label: 'cos', title: 'cosine between the two log-probabilities’ gradients', change: false },
  { key: 'winRate', label: 'win', title: 'win-rate against π_ref under the hidden reward', change: false },
  { key: 'forgetProb', label: 'forget', title: 'mean π of the forget set’s answers', change: false },
  { key: 'retainProb', label: 'retain', title: 'mean π of the retain set’s answers', change: false },
];

/**
 * Task 'preference' in the landscape's place: four small charts over training (which four depends
 * on whether run A is a preference or an unlearning loss) and a table of each run's numbers.
 */
export function PreferencePanel() {
  const states = useTrainingStore((s) => s.runs);
  const labels = useRunLabels();
  const family = useConfigStore((s) => preferenceLossFind(s.config.loss.id)?.family ?? 'preference');
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const runs = useMemo(() => states.map((s) => s.preference ?? EMPTY), [states]);
  const names = labels.map((l) => l.text);
  const charts = PREFERENCE_CHARTS[family];
  const width = Math.max(160, Math.floor(((box?.width ?? 520) - 12) / 2));
  // Two rows of charts, each under a one-line caption.
  const height = Math.max(70, Math.floor(((box?.height ?? 320) - 4) / 2) - 22);
  return (
    <section className="panel preference-panel" aria-label="Preference optimisation over training" data-testid="preference-panel" data-family={family}>
      <header className="chart-header">
        <h2>{family === 'preference' ? 'Preference optimisation' : 'Unlearning'}</h2>
        <span className="legend">
          {labels.map((label, i) => (
            <span key={i} className="legend-item" style={{ whiteSpace: 'nowrap' }}>
              <span className="swatch" style={{ background: runColour(i) }} /> {label.text}
            </span>
          ))}
        </span>
      </header>
      <div className="preference-charts" ref={boxRef}>
        {charts.map((spec) => (
          <figure key={spec.id} className="preference-chart">
            {/* One line: a note too long for a narrow chart ends in an ellipsis, and the title holds it whole. */}
            <figcaption title={`${spec.title} — ${spec.note}`}>
              {spec.title} <span className="note">{spec.note}</span>
            </figcaption>
            <LineChart
              series={preferenceChartSeries(spec, runs, names)}
              view={{ logScale: false, zeroBased: false }}
              width={width}
              height={height}
              options={CHART_OPTIONS}
              testId={`preference-chart-${spec.id}`}
              label={spec.title}
              table={false}
            />
          </figure>
        ))}
      </div>
      <table className="preference-readout" data-testid="preference-readout">
        <thead>
          <tr>
            <th scope="col">run</th>
            {READOUT.map((r) => (
              <th key={r.key} scope="col" title={r.title}>
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((points, i) => {
            const first = points[0];
            const last = points[points.length - 1];
            return (
              <tr key={i} data-run={i}>
                <th scope="row" title={labels[i]?.text}>
                  {labels[i]?.letter ?? i}
                </th>
                {READOUT.map((r) => {
                  const value = first && last ? (r.change ? last[r.key] - first[r.key] : last[r.key]) : null;
                  return (
                    <td key={r.key} data-key={r.key} data-value={value ?? ''}>
                      {value === null ? '—' : value.toFixed(3)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
