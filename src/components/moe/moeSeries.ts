import type { MoeHistoryPoint } from '../../app/moeHistory';
import type { LineSeries } from '../lineChartRender';
import { expertColour } from './expertColours';

export const SPECIALISATION_COLOUR = '#14202e';
export const ENTROPY_COLOUR = '#D55E00';

/** fᵢ of every expert over training, one series each. */
export function moeLoadSeries(history: readonly MoeHistoryPoint[], experts: number): LineSeries[] {
  const steps = history.map((p) => p.step);
  return Array.from({ length: experts }, (_, i) => ({
    name: `expert ${i + 1}`,
    colour: expertColour(i),
    steps,
    values: history.map((p) => p.load[i] ?? NaN),
    testId: `moe-load-${i}`,
  }));
}

/** Specialisation (mutual information) and router entropy over training, both in bits. */
export function moeScoreSeries(history: readonly MoeHistoryPoint[]): LineSeries[] {
  const steps = history.map((p) => p.step);
  return [
    { name: 'specialisation I(domain; expert)', colour: SPECIALISATION_COLOUR, steps, values: history.map((p) => p.specialisation), label: 'specialisation', testId: 'moe-specialisation-series' },
    { name: 'router entropy', colour: ENTROPY_COLOUR, steps, values: history.map((p) => p.routerEntropy), label: 'router entropy' },
  ];
}
