import type { ExperimentConfig } from '../../engine/config';
import { preferenceLossById } from '../../losses/preference/registry';

/**
 * The losses a new run starts with, in order, per task (for preference, per family of the selected
 * run's loss), so that a fresh comparison already compares something the task can train.
 */
function nextLossCandidates(task: ExperimentConfig['task'], selectedLoss: string): readonly string[] {
  if (task === 'regression') return ['mae', 'huber', 'hl-gauss', 'log-cosh', 'pinball', 'two-hot', 'mse'];
  if (task === 'preference') return preferenceLossById(selectedLoss).family === 'preference' ? ['rpo', 'ipo', 'simpo', 'dpo'] : ['npo', 'npo-rt', 'ga'];
  return ['mae', 'gce', 'focal', 'label-smoothing', 'brier', 'ce'];
}

/** The first candidate no run uses yet, else the first. */
export function nextLoss(task: ExperimentConfig['task'], selectedLoss: string, used: readonly string[]): string {
  const candidates = nextLossCandidates(task, selectedLoss);
  return candidates.find((id) => !used.includes(id)) ?? candidates[0]!;
}
