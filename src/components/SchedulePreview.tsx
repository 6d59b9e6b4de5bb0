import { useMemo } from 'react';
import { useTrainingStore } from '../app/trainingStore';
import { schedulePreview, type Schedule } from '../engine/schedules/schedules';
import { LineChart } from './LineChart';
import type { LineChartOptions, LineSeries } from './lineChartRender';

const WIDTH = 240;
const HEIGHT = 100;
const POINTS = 160;
const OPTIONS: LineChartOptions = { margin: { top: 8, right: 14, bottom: 20, left: 44 }, xTicks: 3, yTicks: 3, xLabel: '' };

/** The learning rate η(t) over the planned T steps, with the current step marked. */
export function SchedulePreview({ schedule, learningRate, totalSteps }: { schedule: Schedule; learningRate: number; totalSteps: number }) {
  const step = useTrainingStore((s) => s.step);
  const series = useMemo<LineSeries[]>(() => {
    const points = schedulePreview(schedule, learningRate, totalSteps, POINTS);
    return [
      {
        name: 'learning rate',
        colour: '#0072B2',
        steps: points.map((p) => p.step),
        values: points.map((p) => p.learningRate),
      },
    ];
  }, [schedule, learningRate, totalSteps]);
  const view = useMemo(() => ({ logScale: false, xDomain: [0, totalSteps] as [number, number], cursor: step > 0 ? Math.min(step, totalSteps) : null }), [step, totalSteps]);
  return (
    <div className="schedule-preview">
      <span className="note">η(t) over {totalSteps.toLocaleString('en')} steps</span>
      <LineChart series={series} view={view} width={WIDTH} height={HEIGHT} options={OPTIONS} testId="schedule-preview" label="Learning rate over training" />
    </div>
  );
}
