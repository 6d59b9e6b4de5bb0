import { useSelectedVariant } from '../app/variantHooks';
import { useMemo, useState } from 'react';
import { useConfigStore } from '../app/configStore';
import { lossShapeCurve, type LossShapeAxis } from '../losses/lossShape';
import { LOSSES, lossById, lossParamsResolve } from '../losses/registry';
import { SelectField } from './fields';
import { ChartTable, useChartTableToggle } from './ChartTable';
import type { TableSeries } from './chartTable';
import type { ShapeSeries } from './lossShapeRender';
import { RegressionLossShape } from './regression/RegressionLossShape';
import { LossShapeFrame, useLossShapeChart } from './LossShapeFrame';

/**
 * The selected loss (and one to compare with) as a function of the true-class probability or,
 * for two classes, of the margin. Computed from the plain-TypeScript references, so moving a
 * parameter slider moves the curves at once without asking the worker.
 */
export function LossShape() {
  const task = useConfigStore((s) => s.config.task);
  return task === 'regression' ? <RegressionLossShape /> : <ClassificationLossShape />;
}

function ClassificationLossShape() {
  const loss = useSelectedVariant((v) => v.loss);
  const classes = useConfigStore((s) => s.config.data.classes);
  // null until the user picks a view: each loss opens on the one its note speaks of (LossSpec.shapeAxis).
  const [axisChoice, setAxis] = useState<LossShapeAxis | null>(null);
  const [compareId, setCompareId] = useState('ce');
  const spec = lossById(loss.id);
  const wanted: LossShapeAxis = axisChoice ?? spec.shapeAxis ?? 'probability';
  const axis: LossShapeAxis = wanted === 'margin' && classes !== 2 ? 'probability' : wanted;
  const compare = compareId === 'none' || compareId === loss.id ? null : lossById(compareId);

  const series = useMemo((): ShapeSeries[] => {
    const shapeClasses = spec.unavailableReason(classes) === null ? classes : 3;
    const out: ShapeSeries[] = [{ name: spec.id, colour: '#0072B2', dashed: false, curve: lossShapeCurve(spec, loss.params, shapeClasses, axis) }];
    if (compare && compare.unavailableReason(shapeClasses) === null) {
      out.push({ name: compare.id, colour: '#D55E00', dashed: true, curve: lossShapeCurve(compare, lossParamsResolve(compare), shapeClasses, axis) });
    }
    return out;
  }, [spec, loss.params, classes, axis, compare]);

  // Longest first: a narrow panel (presenter type in the dock) takes the first that fits.
  const axisLabels = { probability: ['true-class probability p_y', 'p_y'], margin: ['margin m = z_y − z_other', 'margin m'], logit: ['true-class logit z_y (other logits fixed)', 'true-class logit z_y', 'z_y'] }[axis];
  const svgRef = useLossShapeChart(series, axisLabels);
  const { shown: tableShown, toggle: tableToggle } = useChartTableToggle('Loss shape');
  const tableSeries = useMemo(() => shapeTableSeries(series), [series]);

  return (
    <LossShapeFrame
      chosenName={spec.name}
      comparedName={compare?.name ?? null}
      tex={spec.tex}
      compareId={compareId}
      compareOptions={LOSSES.filter((l) => l.id !== loss.id).map((l) => ({ value: l.id, label: l.name }))}
      onCompare={setCompareId}
      headerExtra={tableToggle}
      extraFields={
        <SelectField<LossShapeAxis>
          label="Against"
          value={axis}
          testId="loss-shape-axis"
          options={[
            { value: 'probability', label: 'true-class probability' },
            { value: 'logit', label: 'true-class logit' },
            { value: 'margin', label: 'margin (two classes)', disabledReason: classes === 2 ? null : 'needs two classes' },
          ]}
          onChange={setAxis}
        />
      }
      sideExtra={spec.level === 'batch' && <p className="note">A batch-level loss: drawn for a batch with one example of each class, all at the same value.</p>}
      figure={
        <>
          <svg ref={svgRef} className="loss-shape-chart" data-testid="loss-shape-chart" style={tableShown ? { display: 'none' } : undefined} />
          {tableShown && <ChartTable series={tableSeries} caption={`Loss and derivative against ${{ probability: 'the true-class probability', margin: 'the margin', logit: 'the true-class logit' }[axis]}`} stepLabel={{ probability: 'p_y', margin: 'margin', logit: 'z_y' }[axis]} />}
        </>
      }
    />
  );
}

/** Each curve's loss and derivative as table columns, x rounded so the rows read cleanly. */
function shapeTableSeries(series: readonly ShapeSeries[]): TableSeries[] {
  return series.flatMap((s) => {
    const x = s.curve.x.map((v) => Number(v.toFixed(4)));
    return [
      { name: `${s.name} ℓ`, steps: x, values: s.curve.loss },
      { name: `${s.name} dℓ/dx`, steps: x, values: s.curve.derivative },
    ];
  });
}
