import { useMemo } from 'react';
import type { RunState } from '../../app/trainingStore';
import { LineChart } from '../LineChart';
import type { LineChartOptions, LineSeries } from '../lineChartRender';

type History = RunState['calibrationHistory'];

const WIDTH = 260;
const HEIGHT = 130;
const COLOURS = { before: '#0072B2', after: '#D55E00' } as const;
const ECE_OPTIONS: LineChartOptions = { margin: { top: 14, left: 44 }, yLabel: 'ECE', yTicks: 4, xTicks: 4 };
const NLL_OPTIONS: LineChartOptions = { margin: { top: 14, left: 44 }, yLabel: 'NLL', yTicks: 4, xTicks: 4 };

function historySeries(history: History, before: 'ece' | 'nll', after: 'eceScaled' | 'nllScaled', scaled: boolean): LineSeries[] {
  const steps = history.map((h) => h.step);
  const series: LineSeries[] = [{ name: 'T = 1', colour: COLOURS.before, steps, values: history.map((h) => h[before]), markers: history.length < 40 }];
  if (scaled) series.push({ name: 'T = T*', colour: COLOURS.after, steps, values: history.map((h) => h[after]), dashed: true, markers: history.length < 40 });
  return series;
}

/** ECE and NLL of the test split over training, before (and optionally after) temperature scaling. */
export function CalibrationHistory({ history, scaled }: { history: History; scaled: boolean }) {
  const ece = useMemo(() => historySeries(history, 'ece', 'eceScaled', scaled), [history, scaled]);
  const nll = useMemo(() => historySeries(history, 'nll', 'nllScaled', scaled), [history, scaled]);
  const view = useMemo(() => ({ logScale: false }), []);
  return (
    <div className="calibration-history">
      <span className="legend">
        <span className="swatch" style={{ background: COLOURS.before }} /> T = 1
        {scaled && (
          <>
            <span className="swatch dashed" style={{ borderColor: COLOURS.after }} /> T = T*
          </>
        )}
      </span>
      <div className="chart-row">
        <LineChart series={ece} view={view} width={WIDTH} height={HEIGHT} options={ECE_OPTIONS} testId="ece-history" label="ECE over training" />
        <LineChart series={nll} view={view} width={WIDTH} height={HEIGHT} options={NLL_OPTIONS} testId="nll-history" label="NLL over training" />
      </div>
    </div>
  );
}
