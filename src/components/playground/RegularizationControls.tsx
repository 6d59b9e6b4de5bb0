import { useSelectedVariant, useUpdateVariant } from '../../app/variantHooks';
import { REGULARIZATION_KINDS, type RegularizationKind } from '../../engine/regularization';
import { SelectField } from '../fields';

/** TensorFlow Playground's menu of rates; a rate typed into a link keeps its own value. */
const RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const LABELS: Record<RegularizationKind, string> = { none: 'none', l1: 'L1', l2: 'L2' };

/** L1 or L2 on the kernels, added to the objective of the selected run (regularization.ts). */
export function RegularizationControls() {
  const kind = useSelectedVariant((v) => v.training.regularization);
  const rate = useSelectedVariant((v) => v.training.regularizationRate);
  const updateVariant = useUpdateVariant();
  const rates = RATES.includes(rate) ? RATES : [...RATES, rate].sort((a, b) => a - b);
  return (
    <div className="field-row" title="L1: rate·Σ|w|, L2: rate·Σ½w² over the weights (not the biases), added to the loss; the loss readout shows it apart, the landscape the sum">
      <SelectField<RegularizationKind>
        label="Regularization"
        value={kind}
        testId="regularization"
        options={REGULARIZATION_KINDS.map((k) => ({ value: k, label: LABELS[k] }))}
        onChange={(value) => updateVariant((c) => void (c.training.regularization = value))}
      />
      {kind !== 'none' && (
        <SelectField
          label="Rate"
          value={String(rate)}
          testId="regularization-rate"
          options={rates.map((r) => ({ value: String(r), label: String(r) }))}
          onChange={(value) => updateVariant((c) => void (c.training.regularizationRate = Number(value)))}
        />
      )}
    </div>
  );
}
