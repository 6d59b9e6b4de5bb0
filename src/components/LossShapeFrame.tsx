import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { SelectField } from './fields';
import { Formula } from './Formula';
import { ExportPngButton } from './export/ExportPngButton';
import { lossShapeCreate, type LossShapeRenderer, type ShapeSeries } from './lossShapeRender';
import { LossShapeLegend } from './LossShapeLegend';

const WIDTH = 560;
const HEIGHT = 200;

/** Draws `series` (loss and derivative) into the returned SVG, redrawn whenever they or the x-axis label change. */
export function useLossShapeChart(series: readonly ShapeSeries[], axisLabel: string): RefObject<SVGSVGElement | null> {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<LossShapeRenderer | null>(null);
  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = lossShapeCreate(svgRef.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);
  useEffect(() => {
    renderer.current?.update(series, axisLabel);
  }, [series, axisLabel]);
  return svgRef;
}

/**
 * The loss-shape panel both tasks share: the legend, the chosen loss's formula, the loss to compare
 * with, and the task's own fields, notes and figure. Each task draws its curves with useLossShapeChart.
 */
export function LossShapeFrame(props: {
  chosenName: string;
  comparedName: string | null;
  tex: string;
  compareId: string;
  compareOptions: readonly { value: string; label: string }[];
  onCompare: (id: string) => void;
  headerExtra?: ReactNode;
  extraFields?: ReactNode;
  sideExtra?: ReactNode;
  figure: ReactNode;
}) {
  return (
    <section className="panel loss-shape" aria-label="Loss shape" data-testid="loss-shape">
      <header className="chart-header">
        <h2>Loss shape</h2>
        <LossShapeLegend chosen={props.chosenName} compared={props.comparedName} />
        {props.headerExtra}
        <ExportPngButton chart="loss-shape" label="the loss shape" />
      </header>
      <div className="loss-shape-body">
        <div className="loss-shape-side">
          <Formula tex={props.tex} testId="loss-shape-formula" />
          <div className="inline-fields">
            <SelectField label="Compare with" value={props.compareId} testId="loss-shape-compare" options={[{ value: 'none', label: 'nothing' }, ...props.compareOptions]} onChange={props.onCompare} />
            {props.extraFields}
          </div>
          {props.sideExtra}
        </div>
        <div className="loss-shape-figure">{props.figure}</div>
      </div>
    </section>
  );
}
