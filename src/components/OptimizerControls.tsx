import { useConfigStore } from '../app/configStore';
import { LIMITS } from '../engine/config';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { SelectField, SliderField } from './fields';

const BATCH_SIZES = [0, 1, 8, 16, 32, 64, 128, 256];

/** Learning rates span seven decades, so the slider moves in log10 units. */
function formatRate(rate: number): string {
  return rate >= 0.01 ? String(Number(rate.toPrecision(2))) : rate.toExponential(1);
}

export function OptimizerControls() {
  const optimizer = useConfigStore((s) => s.config.optimizer);
  const update = useConfigStore((s) => s.update);
  const batchOptions = BATCH_SIZES.includes(optimizer.batchSize) ? BATCH_SIZES : [...BATCH_SIZES, optimizer.batchSize].sort((a, b) => a - b);
  return (
    <fieldset className="panel">
      <legend>Optimizer</legend>
      <SelectField
        label="Optimizer"
        value={optimizer.id}
        testId="optimizer"
        options={OPTIMIZERS.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(id) => update((c) => void (c.optimizer.id = id))}
      />
      <SliderField
        label="Learning rate"
        value={Math.log10(optimizer.learningRate)}
        min={Math.log10(LIMITS.learningRate.min)}
        max={Math.log10(LIMITS.learningRate.max)}
        step={0.05}
        testId="learning-rate"
        format={(v) => formatRate(10 ** v)}
        onChange={(v) => update((c) => void (c.optimizer.learningRate = Number((10 ** v).toPrecision(3))))}
      />
      <SelectField
        label="Batch size"
        value={String(optimizer.batchSize)}
        testId="batch-size"
        options={batchOptions.map((b) => ({ value: String(b), label: b === 0 ? 'full batch' : String(b) }))}
        onChange={(b) => update((c) => void (c.optimizer.batchSize = Number(b)))}
      />
    </fieldset>
  );
}
