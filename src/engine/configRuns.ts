// Run helpers: the part of a config that defines training, and the one config per run of a comparison.
import type { ExperimentConfig, RunVariant } from './config';

export type ConfigTrainingPart = Pick<ExperimentConfig, 'task' | 'model' | 'loss' | 'optimizer' | 'training' | 'compare' | 'preference' | 'seed'> & {
  data: Omit<ExperimentConfig['data'], 'view'>;
};

/**
 * The part of a config that defines the training runs themselves. Changing anything else (metric
 * cadences, which views are open, how landscapes are drawn, the plane the boundary is drawn on)
 * must not restart training.
 */
export function configTrainingPart(config: ExperimentConfig): ConfigTrainingPart {
  const { task, data, model, loss, optimizer, training, compare, preference, seed } = config;
  const { view: _view, ...trainingData } = data;
  return { task, data: trainingData, model, loss, optimizer, training, compare, preference, seed };
}

/**
 * The training part as a string that two configs share exactly when they train alike. Keys are
 * sorted: a config built by hand or from the defaults and the same config clamped list their
 * fields in different orders, and that must not read as a change (it would restart training).
 */
export function configTrainingKey(config: ExperimentConfig): string {
  return JSON.stringify(configTrainingPart(config), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * One config per run: the base config first, then one per compare run, each with the shared
 * data, model, seeds and probes and its own loss, optimizer and training options.
 */
export function configRuns(config: ExperimentConfig): ExperimentConfig[] {
  const single = { ...config, compare: { runs: [] } };
  return [single, ...config.compare.runs.map((variant) => ({ ...single, ...variant }))];
}

/** The loss, optimizer and training options of run `index` (0: the base run), for reading or editing in place. */
export function configVariant(config: ExperimentConfig, index: number): RunVariant {
  return index === 0 ? config : (config.compare.runs[index - 1] ?? config);
}
