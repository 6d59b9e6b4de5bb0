// Clamping of the mixture-of-experts settings, apart from configParts.ts so that file only gains a line.
import type { ClampTools } from '../configParts';
import { BALANCE_SCOPES, MOE_LIMITS, type MoeTrainingConfig } from './moeTypes';

/** A run's `training.moe`; missing values come from `fallback` (the defaults, or the base run's). */
export function moeTrainingClamp(given: Record<string, unknown>, prefix: string, fallback: MoeTrainingConfig, tools: ClampTools): MoeTrainingConfig {
  const { number, choice } = tools;
  const p = `${prefix}training.moe.`;
  return {
    balance: choice(`${p}balance`, given.balance, BALANCE_SCOPES, fallback.balance),
    alpha: number(`${p}alpha`, given.alpha, MOE_LIMITS.alpha, fallback.alpha),
    zLoss: number(`${p}zLoss`, given.zLoss, MOE_LIMITS.zLoss, fallback.zLoss),
    microBatches: number(`${p}microBatches`, given.microBatches, MOE_LIMITS.microBatches, fallback.microBatches, true),
    microBatchSize: number(`${p}microBatchSize`, given.microBatchSize, MOE_LIMITS.microBatchSize, fallback.microBatchSize, true),
  };
}
