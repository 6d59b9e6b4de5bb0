import { useMemo } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useRunLabels } from '../../app/runLabelHooks';
import { useSelectedRunState } from '../../app/selectedRunState';
import { useTrainingStore } from '../../app/trainingStore';
import { LineChart } from '../LineChart';
import { ShowingRun } from '../compare/ShowingRun';
import { runColour } from '../palette';
import { ExpertTerritories } from './ExpertTerritories';
import { expertColour } from './expertColours';
import { moeLoadSeries, moeScoreSeries } from './moeSeries';

const CHART_WIDTH = 220;
const CHART_HEIGHT = 150;
const LOAD_OPTIONS = { margin: { top: 16, left: 44 }, yLabel: 'load fᵢ', xTicks: 4, yTicks: 4 };
const SCORE_OPTIONS = { margin: { top: 16, left: 44 }, yLabel: 'bits', xTicks: 4, yTicks: 4 };
const LINEAR = { logScale: false };

function bits(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(2)} bits`;
}

/**
 * A mixture of experts' routing: every run's expert territories on the plane side by side, and
 * for the selected run the load of each expert over training, the specialisation (mutual
 * information between domain and top expert) and the router's entropy.
 */
export function MoePanel() {
  const experts = useConfigStore((s) => s.config.model.experts);
  const domains = useConfigStore((s) => s.config.data.domains);
  const points = useTrainingStore((s) => s.points);
  // The runs array is replaced on every flush; the routings are picked from it (a selector that
  // built a new array itself would make the store see a change on every read).
  const runs = useTrainingStore((s) => s.runs);
  const routings = useMemo(() => runs.map((r) => r.moe), [runs]);
  const labels = useRunLabels();
  const history = useSelectedRunState((r) => r.moeHistory);
  const latest = useSelectedRunState((r) => r.moe);
  const loads = useMemo(() => moeLoadSeries(history, experts), [history, experts]);
  const scores = useMemo(() => moeScoreSeries(history), [history]);
  const compared = routings.length > 1;
  const size = compared ? 130 : 170;
  const stats = latest?.stats;
  const most = Math.log2(Math.min(experts, domains));

  return (
    <section className="panel moe-panel" aria-label="Experts" data-testid="moe-panel">
      <header className="chart-header">
        <h2>Experts</h2>
        <ShowingRun testId="moe-showing-run" />
        <span className="legend">
          {Array.from({ length: experts }, (_, i) => (
            <span key={i} className="legend-item">
              <span className="swatch" style={{ background: expertColour(i) }} /> {i + 1}
            </span>
          ))}
        </span>
      </header>
      <div className="moe-body">
        <div className="moe-territories-row">
          {routings.map((moe, i) => (
            <figure key={i} className="moe-figure" style={{ width: size }}>
              <ExpertTerritories
                moe={moe}
                points={points}
                domains={domains}
                size={size}
                label={`Expert territories of run ${labels[i]?.text ?? i + 1}: each point of the plane in the colour of its top expert; dashed rays separate the ${domains} domains`}
                testId={`moe-territories-${i}`}
              />
              <figcaption>
                {compared && <span className="swatch" style={{ background: runColour(i) }} />} {compared ? labels[i]?.text : 'territories'}
                {moe && <span data-testid={`moe-specialisation-${i}`}> · {bits(moe.stats.specialisation)}</span>}
              </figcaption>
            </figure>
          ))}
        </div>
        <LineChart series={loads} view={LINEAR} width={CHART_WIDTH} height={CHART_HEIGHT} options={LOAD_OPTIONS} testId="moe-load-chart" label="Load of each expert (share of routed points) over training" />
        <LineChart series={scores} view={LINEAR} width={CHART_WIDTH} height={CHART_HEIGHT} options={SCORE_OPTIONS} testId="moe-score-chart" label="Specialisation and router entropy over training, in bits" />
        <dl className="metrics moe-metrics">
          <dt title="mutual information between a point's domain and its top expert; the most there can be is log₂ min(N_E, domains)">specialisation</dt>
          <dd data-testid="moe-specialisation">
            {bits(stats?.specialisation)} <span className="note">of {most.toFixed(2)}</span>
          </dd>
          <dt title="mean over domains of the share of the domain's points whose top expert is the domain's commonest">top-expert share</dt>
          <dd data-testid="moe-top-share">{stats ? `${(100 * stats.topShare).toFixed(0)} %` : '–'}</dd>
          <dt title="mean entropy of the router's gate probabilities; log₂ N_E when they are uniform">router entropy</dt>
          <dd data-testid="moe-entropy">
            {bits(stats?.routerEntropy)} <span className="note">of {Math.log2(experts).toFixed(2)}</span>
          </dd>
          <dt title="N_E Σ fᵢ pᵢ over all training points: 1 when the load is even">overall balance</dt>
          <dd data-testid="moe-balance">{stats ? stats.balance.toFixed(3) : '–'}</dd>
          <dt title="largest load × N_E: 1 when even">max load</dt>
          <dd data-testid="moe-max-load">{stats ? `${stats.maxLoadRatio.toFixed(2)}× even` : '–'}</dd>
        </dl>
      </div>
    </section>
  );
}
