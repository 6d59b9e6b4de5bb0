import type { ExperimentConfig, RunVariant } from '../engine/config';
import { runLabelNumber } from './runLabels';

function scopeName(variant: RunVariant): string {
  return `${variant.training.moe.balance}-batch LBL`;
}

/**
 * A mixture of experts' training options in which `variant` differs from `base`, in words; for
 * run A itself (variant === base), its balance scope when another run's differs, so both sides of
 * a micro-vs-global comparison are named. Nothing for an MLP, which ignores these options.
 */
export function moeRunLabelParts(config: ExperimentConfig, variant: RunVariant, base: RunVariant): string[] {
  if (config.model.kind !== 'moe') return [];
  const m = variant.training.moe;
  const b = base.training.moe;
  if (variant === base) return [config, ...config.compare.runs].some((v) => v.training.moe.balance !== b.balance) ? [scopeName(base)] : [];
  const out: string[] = [];
  if (m.balance !== b.balance) out.push(scopeName(variant));
  if (m.alpha !== b.alpha) out.push(`α ${runLabelNumber(m.alpha)}`);
  if (m.zLoss !== b.zLoss) out.push(`router z ${runLabelNumber(m.zLoss)}`);
  if (m.microBatches !== b.microBatches) out.push(`${m.microBatches} micro-batches`);
  if (m.microBatchSize !== b.microBatchSize) out.push(`micro-batch ${m.microBatchSize}`);
  return out;
}
