import type { TrainingRun } from './trainingRun';
import type { StepResult } from './trainingRunTypes';
import { optimizerById } from './optimizers/registry';
import { BatchedRuns } from './batchedRuns';

/**
 * Can these runs take their steps as one batched computation (batchedRuns.ts)? They must be at
 * least two, with the same MLP (compare runs always are: they differ in loss, optimizer and
 * training options), the same number of examples a step (minibatch size, or the whole set), and
 * optimizers that have a batched update.
 */
export function batchedStepFits(runs: readonly TrainingRun[]): boolean {
  if (runs.length < 2) return false;
  const [first] = runs;
  const sizes = (run: TrainingRun): string => [run.shape.inputs, ...run.shape.hidden, run.shape.outputs, run.shape.activation].join(',');
  const examples = (run: TrainingRun): number => {
    const total = run.data.train.labels.length;
    const size = run.config.optimizer.batchSize;
    return size <= 0 || size >= total ? total : size;
  };
  // A mixture of experts routes between its weights: it steps on its own.
  return runs.every((run) => !run.moe && sizes(run) === sizes(first!) && examples(run) === examples(first!) && optimizerById(run.config.optimizer.id).batched !== undefined);
}

/**
 * `count` steps of every run as one batched computation, each step's results in the runs' order.
 * The batch (BatchedRuns) that already holds these runs goes on; else a new one takes them. It
 * keeps their weights and optimizer state until a run is next read or written, which hands them
 * back (runHold.ts): consecutive chunks pay the set-up and hand-back once.
 */
export function batchedTrainSteps(runs: readonly TrainingRun[], count: number, onStep: (results: StepResult[]) => void): void {
  if (!batchedStepFits(runs)) throw new Error('these runs cannot step as one batch: they need the same model and batch size');
  const holder = runs[0]!.hold.current;
  const batch = holder instanceof BatchedRuns && holder.holds(runs) ? holder : new BatchedRuns(runs);
  for (let i = 0; i < count; i++) onStep(batch.step());
}

/** One batched step of every run (batchedTrainSteps with a count of 1). */
export function batchedTrainStep(runs: readonly TrainingRun[]): StepResult[] {
  let results: StepResult[] = [];
  batchedTrainSteps(runs, 1, (step) => (results = step));
  return results;
}
