// What the trainer worker's backend decision times for a config: its size class, the strategies
// its compare runs could step with, and a timing of its steps on the current backend.
import type { ExperimentConfig } from '../engine/config';
import type { DataTable } from '../engine/dataTable';
import { trainingDataCreate } from '../engine/trainingData';
import { backendSizeClass } from './backendDecision';
import { trainingStrategies, trainingTrial, trainingWork, type TrainingStrategy } from './backendTrials';
import { preferenceSizeClass, preferenceTrainingTrial } from './preferenceTrial';

export interface TrainerWorkload {
  sizeClass: string;
  /** Looped first: a tie keeps it (backendDecide), so batching must be measurably faster. */
  strategies: TrainingStrategy[];
  /** Steps per second with `strategy` on the current backend, timed for about `budgetMs`. */
  trial(strategy: TrainingStrategy, budgetMs: number): Promise<number>;
}

/**
 * The workload of `config`: a preference config's PreferenceRuns (preferenceTrial.ts), or the
 * TrainingRuns of every other task. Null when its data cannot be made (a CSV experiment without
 * its table): the configure that follows says what is wrong.
 */
export function trainerWorkload(config: ExperimentConfig, table: DataTable | null): TrainerWorkload | null {
  if (config.task === 'preference') {
    return { sizeClass: preferenceSizeClass(config), strategies: ['looped'], trial: (_strategy, budgetMs) => preferenceTrainingTrial(config, budgetMs) };
  }
  try {
    const data = trainingDataCreate(config, table);
    const { classes } = data.dataset;
    const features = data.inputs;
    const examples = data.train.x.shape[0];
    data.dispose();
    const strategies = trainingStrategies(config, examples);
    // Compare runs are their own class: they also choose between looping and batching.
    const sizeClass = backendSizeClass('train', trainingWork(config, examples, features, classes)) + (strategies.length > 1 ? ':runs' : '');
    return { sizeClass, strategies, trial: (strategy, budgetMs) => trainingTrial(config, table, budgetMs, undefined, strategy) };
  } catch {
    return null;
  }
}
