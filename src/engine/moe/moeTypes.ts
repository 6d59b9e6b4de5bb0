// The mixture-of-experts settings, apart from config.ts so the MoE engine files can share them
// without importing the whole config.

export const MODEL_KINDS = ['mlp', 'moe'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * Where the load-balancing loss takes its routing fractions fᵢ from: each micro-batch on its own
 * (`micro`, what most frameworks do) or the whole global batch (`global`). Qiu et al. 2025,
 * "Demons in the Detail: On Implementing Load Balancing Loss for Training Specialized
 * Mixture-of-Expert Models".
 */
export const BALANCE_SCOPES = ['micro', 'global'] as const;
export type BalanceScope = (typeof BALANCE_SCOPES)[number];

/** How one run of a mixture of experts is trained (the model's shape is in `model`). */
export interface MoeTrainingConfig {
  balance: BalanceScope;
  /** α, the weight of the load-balancing loss; 0 turns it off. */
  alpha: number;
  /** Weight of the router z-loss (Zoph et al. 2022, ST-MoE); 0 turns it off. */
  zLoss: number;
  /** Micro-batches per global batch (one optimizer step); each is drawn from one domain. */
  microBatches: number;
  /** Points per micro-batch. */
  microBatchSize: number;
}

export const MOE_LIMITS = {
  experts: { min: 2, max: 8 },
  topK: { min: 1, max: 2 },
  domains: { min: 2, max: 8 },
  alpha: { min: 0, max: 1 },
  zLoss: { min: 0, max: 0.1 },
  microBatches: { min: 1, max: 16 },
  microBatchSize: { min: 2, max: 256 },
} as const;

export const MOE_TRAINING_DEFAULT: MoeTrainingConfig = { balance: 'micro', alpha: 0.05, zLoss: 0, microBatches: 4, microBatchSize: 16 };
