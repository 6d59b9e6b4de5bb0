import { useSelectedVariant, useUpdateVariant } from '../app/variantHooks';
import { LIMITS } from '../engine/config';
import { OPTIMIZERS, optimizerById } from '../engine/optimizers/registry';
import { optimizerHasWeightDecay } from '../engine/optimizers/weightDecay';
import { SCHEDULES, scheduleById } from '../engine/schedules/schedules';
import { NumberField, SelectField, SliderField } from './fields';
import { Formula } from './Formula';
import { SchedulePreview } from './SchedulePreview';
import { RegularizationControls } from './playground/RegularizationControls';

const BATCH_SIZES = [0, 1, 8, 16, 32, 64, 128, 256];

/** Learning rates span seven decades, so the slider moves in log10 units. */
function formatRate(rate: number): string {
  return rate >= 0.01 ? String(Number(rate.toPrecision(2))) : rate.toExponential(1);
}

/** As many decimals as the spec's step has, so 0.999 does not print as 1.00. */
function formatByStep(value: number, step: number): string {
  if (step >= 1) return String(Math.round(value));
  return value.toFixed(Math.min(6, Math.max(0, -Math.floor(Math.log10(step)))));
}

interface NumericSpec {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
}

/**
 * A slider for one hyperparameter from its spec. Ranges spanning three decades or more with a
 * positive minimum (ε, "every N steps") move in log10 units; integers stay integers.
 */
function ParamSlider({ spec, value, testId, onChange }: { spec: NumericSpec; value: number; testId: string; onChange(value: number): void }) {
  const logarithmic = spec.min > 0 && spec.max / spec.min >= 1000;
  if (!logarithmic) {
    return (
      <SliderField
        label={spec.label}
        value={value}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        testId={testId}
        hint={spec.id}
        format={(v) => formatByStep(v, spec.step)}
        onChange={onChange}
      />
    );
  }
  const fromSlider = (v: number) => {
    const raw = Number((10 ** v).toPrecision(2));
    return spec.step >= 1 ? Math.round(raw) : raw;
  };
  return (
    <SliderField
      label={spec.label}
      value={Math.log10(value)}
      min={Math.log10(spec.min)}
      max={Math.log10(spec.max)}
      step={0.05}
      testId={testId}
      hint={`${spec.id} (logarithmic slider)`}
      format={(v) => (spec.step >= 1 ? String(fromSlider(v)) : fromSlider(v).toExponential(1))}
      onChange={(v) => onChange(fromSlider(v))}
    />
  );
}

/** Clip norms span 0.01–100 on a log slider; its leftmost notch is "off" (0). */
const CLIP_OFF_POSITION = -2.25;
const CLIP_MIN_LOG = -2;

function ClipNormField({ value, onChange }: { value: number; onChange(value: number): void }) {
  return (
    <SliderField
      label="Gradient clipping ‖g‖ ≤"
      value={value > 0 ? Math.log10(value) : CLIP_OFF_POSITION}
      min={CLIP_OFF_POSITION}
      max={Math.log10(LIMITS.clipNorm.max)}
      step={0.05}
      testId="clip-norm"
      hint="Rescale the gradient to this global L2 norm when it is larger; leftmost is off"
      format={(v) => (v < CLIP_MIN_LOG ? 'off' : String(Number((10 ** v).toPrecision(2))))}
      onChange={(v) => onChange(v < CLIP_MIN_LOG ? 0 : Number((10 ** v).toPrecision(2)))}
    />
  );
}

function ScheduleFields() {
  const optimizer = useSelectedVariant((v) => v.optimizer);
  const totalSteps = useSelectedVariant((v) => v.training.totalSteps);
  const updateVariant = useUpdateVariant();
  const spec = scheduleById(optimizer.schedule.id);
  return (
    <div className="subsection" role="group" aria-label="Learning-rate schedule">
      <SelectField
        label="Schedule"
        value={optimizer.schedule.id}
        testId="schedule"
        options={SCHEDULES.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(id) => updateVariant((c) => void (c.optimizer.schedule = { id, params: {} }))}
      />
      {spec.params.map((param) => (
        <ParamSlider
          key={param.id}
          spec={param}
          value={optimizer.schedule.params[param.id] ?? param.default}
          testId={`schedule-param-${param.id}`}
          onChange={(value) => updateVariant((c) => void (c.optimizer.schedule.params[param.id] = value))}
        />
      ))}
      <NumberField
        label="Total steps T"
        value={totalSteps}
        {...LIMITS.totalSteps}
        step={10}
        testId="total-steps"
        hint="the planned length of training, which schedules decay over"
        onChange={(steps) => updateVariant((c) => void (c.training.totalSteps = steps))}
      />
      <SchedulePreview schedule={optimizer.schedule} learningRate={optimizer.learningRate} totalSteps={totalSteps} />
    </div>
  );
}

export function OptimizerControls() {
  const optimizer = useSelectedVariant((v) => v.optimizer);
  const updateVariant = useUpdateVariant();
  const spec = optimizerById(optimizer.id);
  const ownDecay = optimizerHasWeightDecay(spec);
  const batchOptions = BATCH_SIZES.includes(optimizer.batchSize) ? BATCH_SIZES : [...BATCH_SIZES, optimizer.batchSize].sort((a, b) => a - b);
  return (
    <fieldset className="panel">
      <legend>Optimizer</legend>
      <SelectField
        label="Optimizer"
        value={optimizer.id}
        testId="optimizer"
        options={OPTIMIZERS.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(id) => updateVariant((c) => void (c.optimizer = { ...c.optimizer, id, params: {} }))}
      />
      <Formula tex={spec.tex} testId="optimizer-formula" />
      <SliderField
        label="Learning rate η"
        value={Math.log10(optimizer.learningRate)}
        min={Math.log10(LIMITS.learningRate.min)}
        max={Math.log10(LIMITS.learningRate.max)}
        step={0.05}
        testId="learning-rate"
        format={(v) => formatRate(10 ** v)}
        onChange={(v) => updateVariant((c) => void (c.optimizer.learningRate = Number((10 ** v).toPrecision(3))))}
      />
      {spec.params.map((param) => (
        <ParamSlider
          key={`${spec.id}-${param.id}`}
          spec={param}
          value={optimizer.params[param.id] ?? param.default}
          testId={`optimizer-param-${param.id}`}
          onChange={(value) => updateVariant((c) => void (c.optimizer.params[param.id] = value))}
        />
      ))}
      <SelectField
        label="Batch size"
        value={String(optimizer.batchSize)}
        testId="batch-size"
        options={batchOptions.map((b) => ({ value: String(b), label: b === 0 ? 'full batch' : String(b) }))}
        onChange={(b) => updateVariant((c) => void (c.optimizer.batchSize = Number(b)))}
      />
      {ownDecay ? (
        <p className="note" data-testid="weight-decay-own">
          {spec.name} decays weights itself (λ above), so the general weight decay is off.
        </p>
      ) : (
        <SliderField
          label="Weight decay λ"
          value={optimizer.weightDecay}
          {...LIMITS.weightDecay}
          step={0.001}
          testId="weight-decay"
          hint="θ ← (1 − ηλ)θ each step, decoupled from the gradient; 0 is off"
          format={(v) => (v === 0 ? 'off' : v.toFixed(3))}
          onChange={(decay) => updateVariant((c) => void (c.optimizer.weightDecay = decay))}
        />
      )}
      <ClipNormField value={optimizer.clipNorm} onChange={(clip) => updateVariant((c) => void (c.optimizer.clipNorm = clip))} />
      <RegularizationControls />
      <ScheduleFields />
    </fieldset>
  );
}
