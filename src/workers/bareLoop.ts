import { tf, type Scalar, type Tensor2D } from '../engine/tf';
import { mlpForward, mlpInitWeights, mlpWeightTensors } from '../engine/mlp';
import { TrainingRun } from '../engine/trainingRun';
import type { BareLoop } from './protocol';

/**
 * The baseline the app's training loop is measured against: the same model, data and loss
 * trained by tfjs's own Adam in a tight loop with a single readback at the end. The app should
 * come close to this speed while also streaming frames.
 */
export async function bareLoopStepsPerSecond(run: TrainingRun, steps: number, loop: BareLoop): Promise<number> {
  return loop === 'tfjs' ? tfjsLoop(run, steps) : engineLoop(run, steps);
}

/** The app's own training step (same loss, optimizer, data) without the session around it. */
async function engineLoop(template: TrainingRun, steps: number): Promise<number> {
  const run = new TrainingRun(template.config, template.data);
  run.trainStep().loss.dispose();
  const started = performance.now();
  let last: Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    last?.dispose();
    const result = run.trainStep();
    result.telemetry?.dispose();
    last = result.loss;
  }
  await last?.data();
  const seconds = (performance.now() - started) / 1000;
  last?.dispose();
  run.dispose();
  return steps / seconds;
}

async function tfjsLoop(run: TrainingRun, steps: number): Promise<number> {
  const variables = mlpWeightTensors(mlpInitWeights(run.shape, run.config.seed)).map((t) => {
    const v = tf.variable(t, true);
    t.dispose();
    return v;
  });
  const optimizer = tf.train.adam(run.config.optimizer.learningRate);
  const { x, targets } = run.data.train;
  const objective = (): Scalar =>
    tf.mean(tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(mlpForward(variables, x, run.shape.activation) as Tensor2D)), 1)));
  // One warm-up step compiles shaders / allocates buffers outside the timing.
  optimizer.minimize(objective, false, variables)?.dispose();
  const started = performance.now();
  let last: Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    last?.dispose();
    last = optimizer.minimize(objective, true, variables);
  }
  await last?.data();
  const seconds = (performance.now() - started) / 1000;
  last?.dispose();
  optimizer.dispose();
  for (const v of variables) v.dispose();
  return steps / seconds;
}
