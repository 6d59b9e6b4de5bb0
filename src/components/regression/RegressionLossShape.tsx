import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSelectedVariant } from '../../app/variantHooks';
import { useTrainingStore } from '../../app/trainingStore';
import { REGRESSION_SUPPORT_MARGIN } from '../../engine/regressionTargets';
import { regressionSupport } from '../../losses/regression/bins';
import { REGRESSION_LOSSES, regressionLossById, regressionLossParamsResolve } from '../../losses/regression/regressionLosses';
import { regressionShapeCurve, regressionTargetHistogram } from '../../losses/regression/regressionShape';
import type { RegressionSupport } from '../../losses/regression/types';
import { SPLIT_ROLE, type DataPoints } from '../../workers/protocol';
import type { ShapeSeries } from '../lossShapeRender';
import { LossShapeFrame, useLossShapeChart } from '../LossShapeFrame';
import { useBoxSize } from '../layout/useBoxSize';

/** The x-axis label, longest first (useLossShapeChart). */
const RESIDUAL_LABELS = ['residual r = ŷ − y', 'r = ŷ − y'];

const FALLBACK_SUPPORT: RegressionSupport = { vMin: -1.5, vMax: 1.5 };

/** The support the runs use: the training targets' range and margin (regressionTargets.ts). */
function supportOf(points: DataPoints | null): RegressionSupport {
  const targets = points?.targets;
  if (!targets) return FALLBACK_SUPPORT;
  const train = Array.from(targets).filter((_, i) => points.role[i] === SPLIT_ROLE.train);
  return train.length > 0 ? regressionSupport(train, REGRESSION_SUPPORT_MARGIN) : FALLBACK_SUPPORT;
}

/**
 * A regression loss (and one to compare with) against the residual r = ŷ − y, with its derivative,
 * from the float64 references; for a histogram loss also its target over the bins.
 */
export function RegressionLossShape() {
  const loss = useSelectedVariant((v) => v.loss);
  const points = useTrainingStore((s) => s.points);
  const [compareId, setCompareId] = useState('mse');
  const spec = regressionLossById(loss.id);
  const compare = compareId === 'none' || compareId === loss.id ? null : regressionLossById(compareId);
  const support = useMemo(() => supportOf(points), [points]);

  const series = useMemo((): ShapeSeries[] => {
    const out: ShapeSeries[] = [{ name: spec.id, colour: '#0072B2', dashed: false, curve: regressionShapeCurve(spec, loss.params, support) }];
    if (compare) out.push({ name: compare.id, colour: '#D55E00', dashed: true, curve: regressionShapeCurve(compare, regressionLossParamsResolve(compare), support) });
    return out;
  }, [spec, loss.params, compare, support]);

  const svgRef = useLossShapeChart(series, RESIDUAL_LABELS);

  const middle = (support.vMin + support.vMax) / 2;
  const histogram = spec.kind === 'histogram' ? regressionTargetHistogram(spec, loss.params, support, middle) : null;
  return (
    <LossShapeFrame
      chosenName={spec.name}
      comparedName={compare?.name ?? null}
      tex={spec.tex}
      compareId={compareId}
      compareOptions={REGRESSION_LOSSES.filter((l) => l.id !== loss.id).map((l) => ({ value: l.id, label: l.name }))}
      onCompare={setCompareId}
      sideExtra={
        spec.kind === 'histogram' && (
          <p className="note">
            Drawn for a model whose histogram is a Gaussian around its prediction ŷ; the bins span {support.vMin.toFixed(2)} to {support.vMax.toFixed(2)}, the training
            targets’ range and {Math.round(REGRESSION_SUPPORT_MARGIN * 100)} % on each side.
          </p>
        )
      }
      figure={
        <>
          <svg ref={svgRef} className="loss-shape-chart" data-testid="loss-shape-chart" />
          {histogram && <TargetHistogram centres={histogram.centres} probabilities={histogram.probabilities} target={middle} />}
        </>
      }
    />
  );
}

/**
 * The target histogram over the bins, as bars, for y at the middle of the support. Drawn at its
 * width on screen, so its labels keep the style sheet's type size (.loss-shape-chart).
 */
function TargetHistogram({ centres, probabilities, target }: { centres: number[]; probabilities: number[]; target: number }) {
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const label = useRef<SVGTextElement>(null);
  const [font, setFont] = useState(11);
  useLayoutEffect(() => {
    if (label.current) setFont(parseFloat(getComputedStyle(label.current).fontSize) || 11);
  }, [box]);
  const width = Math.max(1, Math.round(box?.width ?? 560));
  // A line of type above and below the bars, and bars at least 3 lines tall.
  const height = Math.round(Math.max(90, 5.5 * font));
  const barsTop = 1.4 * font;
  const barsBottom = height - 1.4 * font;
  const top = Math.max(...probabilities, 1e-9);
  const bar = (width - 40) / probabilities.length;
  const barHeight = (p: number): number => (p / top) * (barsBottom - barsTop);
  return (
    <div ref={boxRef}>
      <svg className="loss-shape-chart" width={width} height={height} style={{ height, minHeight: height }} viewBox={`0 0 ${width} ${height}`} role="img" data-testid="target-histogram" aria-label={`target histogram over ${centres.length} bins for y = ${target.toFixed(2)}`}>
        <text ref={label} x={4} y={font} className="axis-label">
          target p_i(y) over the {centres.length} bins, y = {target.toFixed(2)}
        </text>
        {probabilities.map((p, i) => (
          <rect key={i} x={20 + i * bar + 0.5} width={Math.max(1, bar - 1)} y={barsBottom - barHeight(p)} height={barHeight(p)} fill="#0072B2" />
        ))}
        <text x={20} y={height - 0.3 * font} className="axis-label">
          {centres[0]!.toFixed(2)}
        </text>
        <text x={width - 20} y={height - 0.3 * font} textAnchor="end" className="axis-label">
          {centres.at(-1)!.toFixed(2)}
        </text>
      </svg>
    </div>
  );
}
