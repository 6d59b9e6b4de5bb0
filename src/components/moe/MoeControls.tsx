import { useConfigStore } from '../../app/configStore';
import { useSelectedVariant, useUpdateVariant } from '../../app/variantHooks';
import { MOE_LIMITS, type BalanceScope, type ModelKind } from '../../engine/moe/moeTypes';
import { NumberField, SelectField, SliderField } from '../fields';

function kindOptions(classification: boolean): { value: ModelKind; label: string; disabledReason: string | null }[] {
  return [
    { value: 'mlp', label: 'MLP', disabledReason: null },
    { value: 'moe', label: 'Mixture of experts', disabledReason: classification ? null : 'classification only' },
  ];
}

const SCOPE_OPTIONS: readonly { value: BalanceScope; label: string }[] = [
  { value: 'micro', label: 'per micro-batch' },
  { value: 'global', label: 'per global batch' },
];

/** The model's kind and, for a mixture of experts, its experts, routing and domains (shared by every run). */
export function MoeModelControls() {
  const model = useConfigStore((s) => s.config.model);
  const domains = useConfigStore((s) => s.config.data.domains);
  const classification = useConfigStore((s) => s.config.task === 'classification');
  const update = useConfigStore((s) => s.update);
  return (
    <>
      <SelectField<ModelKind> label="Model" value={model.kind} testId="model-kind" options={kindOptions(classification)} onChange={(kind) => update((c) => void (c.model.kind = kind))} />
      {model.kind === 'moe' && (
        <>
          <SliderField
            label="Experts N_E"
            value={model.experts}
            {...MOE_LIMITS.experts}
            step={1}
            testId="moe-experts"
            hint="small MLPs of the layers and width below, behind a linear router"
            onChange={(experts) => update((c) => void (c.model.experts = experts))}
          />
          <SliderField
            label="Top-k"
            value={model.topK}
            {...MOE_LIMITS.topK}
            step={1}
            testId="moe-top-k"
            hint="experts each point is routed to, weighted by their gate probabilities"
            onChange={(topK) => update((c) => void (c.model.topK = topK))}
          />
          <SliderField
            label="Domains"
            value={domains}
            {...MOE_LIMITS.domains}
            step={1}
            testId="moe-domains"
            hint="the plane cut into this many sectors around the origin; each micro-batch comes from one"
            onChange={(value) => update((c) => void (c.data.domains = value))}
          />
        </>
      )}
    </>
  );
}

/** A mixture of experts' load balancing and micro-batches, for the selected run (so runs can differ in them). */
export function MoeTrainingControls() {
  const moe = useConfigStore((s) => s.config.model.kind === 'moe');
  const training = useSelectedVariant((v) => v.training.moe);
  const updateVariant = useUpdateVariant();
  if (!moe) return null;
  return (
    <fieldset className="panel" data-testid="moe-training">
      <legend>Load balancing</legend>
      <SelectField<BalanceScope>
        label="Balance fᵢ over"
        value={training.balance}
        testId="moe-balance-scope"
        options={SCOPE_OPTIONS}
        onChange={(balance) => updateVariant((v) => void (v.training.moe.balance = balance))}
      />
      <NumberField
        label="α (LBL weight)"
        value={training.alpha}
        {...MOE_LIMITS.alpha}
        step={0.01}
        testId="moe-alpha"
        hint="the objective is the task loss + α·N_E Σᵢ fᵢpᵢ (+ the router z-loss)"
        onChange={(alpha) => updateVariant((v) => void (v.training.moe.alpha = alpha))}
      />
      <NumberField
        label="Router z-loss weight"
        value={training.zLoss}
        {...MOE_LIMITS.zLoss}
        step={0.001}
        testId="moe-z-loss"
        hint="mean (log Σ exp router logits)² (ST-MoE); 0 is off"
        onChange={(zLoss) => updateVariant((v) => void (v.training.moe.zLoss = zLoss))}
      />
      <SliderField
        label="Micro-batches a step"
        value={training.microBatches}
        {...MOE_LIMITS.microBatches}
        step={1}
        testId="moe-micro-batches"
        hint="each from one domain; together they are the global batch of one optimizer step (the batch size setting does not apply)"
        onChange={(microBatches) => updateVariant((v) => void (v.training.moe.microBatches = microBatches))}
      />
      <NumberField
        label="Points a micro-batch"
        value={training.microBatchSize}
        {...MOE_LIMITS.microBatchSize}
        step={1}
        testId="moe-micro-size"
        onChange={(microBatchSize) => updateVariant((v) => void (v.training.moe.microBatchSize = microBatchSize))}
      />
    </fieldset>
  );
}
