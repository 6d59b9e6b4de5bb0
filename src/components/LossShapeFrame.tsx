import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { SelectField } from './fields';
import { Formula } from './Formula';
import { ExportPngButton } from './export/ExportPngButton';
import { lossShapeCreate, type LossShapeRenderer, type ShapeSeries } from './lossShapeRender';
import { LossShapeLegend } from './LossShapeLegend';
import { lossShapeHeight } from './lossShapeSize';
import { ShowingRun } from './compare/ShowingRun';

/**
 * Draws `series` (loss and derivative) into the returned SVG at its width on screen, redrawn
 * whenever they, the x-axis labels (longest first) or that width change. The type size is the
 * style sheet's (styles.css, .loss-shape-chart), read from the chart's own text.
 */
export function useLossShapeChart(series: readonly ShapeSeries[], xLabels: readonly string[]): RefObject<SVGSVGElement | null> {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<LossShapeRenderer | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    renderer.current = lossShapeCreate(svg);
    const observer = new ResizeObserver(() => setWidth(Math.round(svg.getBoundingClientRect().width)));
    observer.observe(svg);
    return () => {
      observer.disconnect();
      renderer.current?.dispose();
    };
  }, []);
  const labels = xLabels.join('\n');
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !renderer.current || width <= 0) return;
    const font = parseFloat(getComputedStyle(svg.querySelector('text') ?? svg).fontSize) || 11;
    // The dock caps the chart's height (styles.css); min-height overrides that cap where the type needs more.
    const cap = parseFloat(getComputedStyle(svg).maxHeight);
    const height = lossShapeHeight(width, font, Number.isFinite(cap) ? cap : Infinity);
    svg.style.height = svg.style.minHeight = `${height}px`;
    renderer.current.update(series, labels.split('\n'), { width, height, font });
  }, [series, labels, width]);
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
        {/* In a comparison the shape is of the selected run's loss and parameters. */}
        <ShowingRun testId="showing-run-loss-shape" />
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
