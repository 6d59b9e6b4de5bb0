import type { PreferencePoint } from '../../workers/protocol';
import type { LineSeries } from '../lineChartRender';
import { runColour } from '../palette';

export type PreferenceMetric = Exclude<keyof PreferencePoint, 'step'>;

/** One chart of the preference panel: what it plots, solid and (optionally) dashed, per run. */
export interface PreferenceChartSpec {
  id: string;
  title: string;
  solid: PreferenceMetric;
  dashed?: PreferenceMetric;
  /** A note under the title, saying what to look for. */
  note: string;
}

/** The charts of each family: the views issue 14 asks for, in reading order. */
export const PREFERENCE_CHARTS: Record<'preference' | 'unlearning', readonly PreferenceChartSpec[]> = {
  preference: [
    { id: 'logprob', title: 'log π(y_w) — solid, log π(y_l) — dashed', solid: 'logChosen', dashed: 'logRejected', note: 'both falling together: gradient entanglement' },
    { id: 'cosine', title: 'cos(∇log π(y_w), ∇log π(y_l))', solid: 'cosine', note: 'near 1: pushing y_l down drags y_w along' },
    { id: 'margin', title: 'implicit reward margin (per β)', solid: 'margin', note: '(log π/π_ref)(y_w) − (log π/π_ref)(y_l)' },
    { id: 'win-rate', title: 'win-rate vs π_ref (hidden reward)', solid: 'winRate', note: '½ at the start, when π = π_ref' },
  ],
  unlearning: [
    { id: 'sets', title: 'forget set π(y) — solid, retain set — dashed', solid: 'forgetProb', dashed: 'retainProb', note: 'forgetting should not take the retain set with it' },
    { id: 'cosine', title: 'cos(∇log π forget, ∇log π retain)', solid: 'cosine', note: 'how entangled the two sets are' },
    { id: 'best', title: 'π(best response), all prompts', solid: 'bestProb', note: 'what the policy still knows' },
    { id: 'win-rate', title: 'win-rate vs π_ref (hidden reward)', solid: 'winRate', note: 'below ½: worse answers than before' },
  ],
};

/**
 * The chart's curves: one solid (and one dashed) line per run of `only` (every run when omitted),
 * in the run's colour.
 */
export function preferenceChartSeries(spec: PreferenceChartSpec, runs: readonly (readonly PreferencePoint[])[], names: readonly string[], only?: readonly number[]): LineSeries[] {
  const out: LineSeries[] = [];
  runs.forEach((points, r) => {
    if (only && !only.includes(r)) return;
    const steps = Float64Array.from(points, (p) => p.step);
    const line = (metric: PreferenceMetric, dashed: boolean): LineSeries => ({
      name: `${names[r] ?? r} ${metric}`,
      testId: `run${r}-${metric}`,
      colour: runColour(r),
      steps,
      values: Float64Array.from(points, (p) => p[metric]),
      dashed,
    });
    out.push(line(spec.solid, false));
    if (spec.dashed) out.push(line(spec.dashed, true));
  });
  return out;
}
