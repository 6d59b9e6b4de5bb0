import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D } from './tf';
import { mlpActivate } from './mlp';
import type { TrainingRun } from './trainingRun';
import type { StepResult } from './trainingRunTypes';

/**
 * Can these runs take their steps as one batched computation? They must be at least two, with
 * the same MLP (compare runs always are: they differ in loss, optimizer and training options) and
 * the same number of examples a step (minibatch size, or the whole set).
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
  return runs.every((run) => !run.moe && sizes(run) === sizes(first!) && examples(run) === examples(first!));
}

/**
 * One optimizer step of every run, with the forward and backward passes of all runs as one
 * computation: the runs' weights stacked (`R × in × out`), one batched matMul a layer, each run's
 * own objective on its slice of the logits. The objective differentiated is the vector of the
 * runs' losses with an upstream gradient of ones, so each run's gradient is its own loss's, and a
 * run that diverges touches no other run's numbers. Clipping, weight decay, the optimizer (its
 * state per run) and telemetry then go run by run, as in TrainingRun.trainStep, whose results
 * these equal within float32 rounding. Per-kernel overhead dominates small steps (WebGPU's
 * especially), so R runs in one pass cost far less than R passes.
 */
export function batchedTrainStep(runs: readonly TrainingRun[]): StepResult[] {
  if (!batchedStepFits(runs)) throw new Error('these runs cannot step as one batch: they need the same model and batch size');
  const learningRates = runs.map((run) => run.learningRate());
  const results: { loss: Scalar; telemetry?: Tensor1D }[] = tf.tidy(() => {
    const plans = runs.map((run) => run.stepPlan());
    const counts = runs.map((run) => run.parameters.length);
    const all = runs.flatMap((run) => run.parameters);
    // Full-batch runs without mixup share the same inputs tensor: broadcast it over the runs.
    const shared = plans.every((plan) => plan.x === plans[0]!.x);
    const activation = runs[0]!.shape.activation;
    const losses = (...params: Tensor[]): Tensor1D => {
      const perRun: Tensor[][] = [];
      let offset = 0;
      for (const count of counts) {
        perRun.push(params.slice(offset, offset + count));
        offset += count;
      }
      const layers = counts[0]! / 2;
      let h: Tensor = shared ? tf.expandDims(plans[0]!.x, 0) : tf.stack(plans.map((plan) => plan.x));
      for (let l = 0; l < layers; l++) {
        const w = tf.stack(perRun.map((p) => p[2 * l]!));
        const b = tf.stack(perRun.map((p) => tf.expandDims(p[2 * l + 1]!, 0)));
        const z = tf.add(tf.matMul(h, w), b);
        h = l + 1 < layers ? mlpActivate(z, activation) : z;
      }
      const logits = tf.unstack(h) as Tensor2D[];
      return tf.stack(plans.map((plan, r) => plan.objectiveOf(logits[r]!, perRun[r]!))) as Tensor1D;
    };
    const { value, grads } = tf.valueAndGrads(losses)(all, tf.ones([runs.length]));
    const values = tf.unstack(value) as Scalar[];
    let offset = 0;
    return runs.map((run, r) => {
      const raw = grads.slice(offset, offset + counts[r]!);
      offset += counts[r]!;
      // The penalty is read at the weights before the update, as the step's objective was.
      const loss = run.dataLoss(values[r]!);
      const telemetry = run.stepApply(plans[r]!, raw);
      return telemetry ? { loss, telemetry } : { loss };
    });
  });
  return results.map(({ loss, telemetry }, r) => ({ loss, telemetry: telemetry ?? null, learningRate: learningRates[r]!, step: runs[r]!.steps }));
}
