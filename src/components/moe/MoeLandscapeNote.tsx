import { useMemo } from 'react';
import { useConfigStore } from '../../app/configStore';
import { configRuns, type ExperimentConfig } from '../../engine/config';

/**
 * What a mixture's landscape draws, in words: its total objective (moeEvaluate.ts) with the
 * LBL scope of the runs shown, and why the surface has creases. Null for an MLP.
 */
export function moeLandscapeNoteText(config: ExperimentConfig): string | null {
  if (config.model.kind !== 'moe') return null;
  const runs = configRuns(config).map((c) => c.training.moe);
  const scopes = new Set(runs.map((m) => m.balance));
  const scope = scopes.size > 1 ? "each run's own scope" : scopes.has('micro') ? 'each domain a micro-batch' : 'over all points';
  const lbl = runs.some((m) => m.alpha > 0) ? ` + α·LBL (${scope})` : '';
  const z = runs.some((m) => m.zLoss > 0) ? ' + router z-loss' : '';
  return `Total objective on the training set: task loss${lbl}${z}, over router and expert weights. Top-k routing switches experts abruptly: its creases and steps are real.`;
}

/** The note under a mixture of experts' landscape (nothing for an MLP). */
export function MoeLandscapeNote() {
  const config = useConfigStore((s) => s.config);
  const text = useMemo(() => moeLandscapeNoteText(config), [config]);
  if (!text) return null;
  return (
    <p className="note landscape-caption" data-testid="landscape-moe-note">
      {text}
    </p>
  );
}
