import { useMemo } from 'react';
import { useTrainingStore } from '../../app/trainingStore';
import { useConfigStore } from '../../app/configStore';
import { useRunLabels } from '../../app/runLabelHooks';
import { configRuns } from '../../engine/config';
import type { PreferencePoint } from '../../workers/protocol';
import { LineChart } from '../LineChart';
import { useBoxSize } from '../layout/useBoxSize';
import { runColour } from '../palette';
import { PREFERENCE_CHARTS, preferenceChartSeries, type PreferenceMetric } from './preferenceSeries';
import { preferenceFamilyGroups } from './preferenceFamilies';

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

/** Two lines of caption at the panel's small type. */
const CAPTION_PX = 36;

const FAMILY_TITLE = { preference: 'Preference optimisation', unlearning: 'Unlearning' } as const;

/**
 * Task 'preference' in the landscape's place: four small charts over training for each family of
 * loss among the runs (preference or unlearning), each drawing that family's runs only, and a
 * table of each run's numbers. A mixed comparison (DPO vs NPO) gets a row of charts per family.
 */
export function PreferencePanel() {
  const states = useTrainingStore((s) => s.runs);
  const labels = useRunLabels();
  // A string, so the store's equality check sees that nothing changed when nothing did.
  const lossIds = useConfigStore((s) => configRuns(s.config).map((c) => c.loss.id).join(','));
  const groups = useMemo(() => preferenceFamilyGroups(lossIds.split(',')), [lossIds]);
  const mixed = groups.length > 1;
  const family = mixed ? 'mixed' : groups[0]!.family;
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const runs = useMemo(() => states.map((s) => s.preference ?? EMPTY), [states]);
  const names = labels.map((l) => l.text);
  // Two rows of charts, each under its caption (the caption is the explanation: it wraps, two lines
  // kept for it): two columns for one family, four when mixed (a row per family, under its title).
  const columns = mixed ? 4 : 2;
  const width = Math.max(mixed ? 90 : 160, Math.floor(((box?.width ?? 520) - 12 * (columns - 1)) / columns));
  const height = Math.max(70, Math.floor(((box?.height ?? 320) - 4 - (mixed ? 2 * 20 : 0)) / 2) - CAPTION_PX);
  return (
    <section className="panel preference-panel" aria-label="Preference optimisation over training" data-testid="preference-panel" data-family={family}>
      <header className="chart-header">
        <h2>{mixed ? 'Preference and unlearning' : FAMILY_TITLE[groups[0]!.family]}</h2>
        <span className="legend">
          {labels.map((label, i) => (
            <span key={i} className="legend-item" style={{ whiteSpace: 'nowrap' }}>
              <span className="swatch" style={{ background: runColour(i) }} /> {label.text}
            </span>
          ))}
        </span>
      </header>
      <div className={mixed ? 'preference-charts preference-charts-mixed' : 'preference-charts'} ref={boxRef}>
        {groups.map((group) => (
          <div key={group.family} className="preference-family" data-testid={`preference-family-${group.family}`} data-runs={group.runs.join(',')}>
            {mixed && (
              <h3 className="preference-family-title">
                {FAMILY_TITLE[group.family]}: {group.runs.map((r) => names[r]).join(', ')}
              </h3>
            )}
            {PREFERENCE_CHARTS[group.family].map((spec) => (
              <figure key={spec.id} className="preference-chart">
                <figcaption title={`${spec.title} — ${spec.note}`}>
                  {spec.title} <span className="note">{spec.note}</span>
                </figcaption>
                <LineChart
                  series={preferenceChartSeries(spec, runs, names, group.runs)}
                  view={{ logScale: false, zeroBased: false }}
                  width={width}
                  height={height}
                  options={CHART_OPTIONS}
                  testId={`preference-chart-${spec.id}`}
                  label={`${spec.title} (${FAMILY_TITLE[group.family].toLowerCase()})`}
                  table={false}
                />
              </figure>
            ))}
          </div>
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
