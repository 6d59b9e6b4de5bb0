import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D, type Variable } from '../tf';
import { mlpForward, mlpInitWeights, mlpWeightTensors, type DenseWeights, type MlpShape } from '../mlp';
import type { ExperimentConfig } from '../config';
import { optimizerById } from '../optimizers/registry';
import type { OptimizerState } from '../optimizers/types';
import { gradientClipByGlobalNorm } from '../optimizers/gradientClip';
import { optimizerHasWeightDecay, weightDecayApply } from '../optimizers/weightDecay';
import { scheduleLearningRate } from '../schedules/schedules';
import { assignWeights } from '../trainingRunProbes';
import { preferenceLossById } from '../../losses/preference/registry';
import type { PreferenceInputsTf, PreferenceLossSpec } from '../../losses/preference/types';
import { preferenceLogProbOf, type PreferenceTensors } from './preferenceTensors';
import { PreferenceBatches, preferenceRowsAll, type PreferenceRows } from './preferenceBatches';

/** The numbers a probe reads back, in this order (see PREFERENCE_PROBE_FIELDS). */
export const PREFERENCE_PROBE_FIELDS = [
  'logChosen',
  'logRejected',
  'cosine',
  'margin',
  'winRate',
  'forgetProb',
  'retainProb',
  'bestProb',
] as const;
export type PreferenceProbeField = (typeof PREFERENCE_PROBE_FIELDS)[number];

export function preferenceShape(config: ExperimentConfig, responses: number): MlpShape {
  return {
    inputs: 2,
    hidden: Array.from({ length: config.model.layers }, () => config.model.width),
    outputs: responses,
    activation: config.model.activation,
  };
}

/**
 * The policy's starting weights. Preference losses start from the seeded random MLP (π_ref is
 * that policy). Unlearning needs a model that knows the answers first: it starts from the same MLP
 * fine-tuned with Adam (η 0.03) for `preference.warmupSteps` full-batch steps on every prompt's
 * best response, forget and retain sets alike.
 */
export function preferenceInitialWeights(config: ExperimentConfig, tensors: PreferenceTensors, family: 'preference' | 'unlearning'): DenseWeights[] {
  const shape = preferenceShape(config, tensors.responses);
  const layers = mlpInitWeights(shape, config.seed);
  const steps = family === 'unlearning' ? config.preference.warmupSteps : 0;
  if (steps === 0) return layers;
  const variables = mlpWeightTensors(layers).map((t) => {
    const v = tf.variable(t, true);
    t.dispose();
    return v;
  });
  const adam = optimizerById('adam').create(variables, { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  for (let s = 0; s < steps; s++) {
    tf.tidy(() => {
      const nll = (): Scalar => tf.neg(tf.mean(preferenceLogProbOf(mlpForward(variables, tensors.x, shape.activation), tensors.best))) as Scalar;
      const { grads } = tf.variableGrads(nll, variables);
      adam.apply(variables, variables.map((v) => grads[v.name]!), 0.03, () => []);
    });
  }
  adam.dispose();
  const out = layers.map((layer, l) => ({ ...layer, w: variables[2 * l]!.dataSync() as Float32Array, b: variables[2 * l + 1]!.dataSync() as Float32Array }));
  tf.dispose(variables);
  return out.map((layer) => ({ ...layer, w: Float32Array.from(layer.w), b: Float32Array.from(layer.b) }));
}

/**
 * One policy π_θ(y|x) (an MLP from the prompt to K response logits) trained with one preference
 * or unlearning loss. π_ref is the policy at its initial weights, frozen: its log-probabilities are
 * computed once. Steps are full-batch. Every method returns tensors and never reads them back.
 */
export class PreferenceRun {
  readonly shape: MlpShape;
  readonly loss: PreferenceLossSpec;
  private readonly variables: Variable[];
  private readonly optimizer: OptimizerState;
  /** log π_ref over all prompts, the forget set and the retain set (`· × K`), and π_ref over all prompts. */
  private readonly refLog: { all: Tensor2D; forget: Tensor2D; retain: Tensor2D; probs: Tensor2D };
  /** Every prompt's rows with log π_ref of their responses, and the minibatches drawn from them. */
  private readonly rows: PreferenceRows;
  private readonly batches: PreferenceBatches;
  steps = 0;

  constructor(
    readonly config: ExperimentConfig,
    private readonly t: PreferenceTensors,
    initial: readonly DenseWeights[],
  ) {
    this.shape = preferenceShape(config, t.responses);
    this.loss = preferenceLossById(config.loss.id);
    this.variables = mlpWeightTensors(initial).map((w) => {
      const v = tf.variable(w, true);
      w.dispose();
      return v;
    });
    this.optimizer = optimizerById(config.optimizer.id).create(this.variables, config.optimizer.params);
    this.refLog = tf.tidy(() => {
      const all = tf.logSoftmax(this.logits(t.x));
      return { all, forget: tf.logSoftmax(this.logits(t.forgetX)), retain: tf.logSoftmax(this.logits(t.retainX)), probs: tf.exp(all) };
    });
    this.rows = preferenceRowsAll(t, this.refLog);
    this.batches = new PreferenceBatches(config.seed, this.rows, this.loss.family, this.loss.usesRetain, () => this.config.optimizer.batchSize);
  }

  learningRate(): number {
    const { optimizer, training } = this.config;
    return scheduleLearningRate(optimizer.schedule, optimizer.learningRate, this.steps, training.totalSteps);
  }

  /** One optimizer step on the next minibatch; returns its objective before the update (the caller disposes it). */
  trainStep(): { loss: Scalar; step: number; learningRate: number } {
    const learningRate = this.learningRate();
    const { clipNorm, weightDecay } = this.config.optimizer;
    const ownsDecay = optimizerHasWeightDecay(optimizerById(this.config.optimizer.id));
    const loss = tf.tidy(() => {
      const rows = this.batches.next();
      const objective = (): Scalar => this.objective(this.variables, rows);
      const gradientAt = (): Tensor[] => {
        const again = tf.variableGrads(objective, this.variables).grads;
        return this.variables.map((v) => again[v.name]!);
      };
      const { value, grads } = tf.variableGrads(objective, this.variables);
      const raw = this.variables.map((v) => grads[v.name]!);
      // The general weight-decay option, decoupled and before the update, as for every other task.
      if (weightDecay > 0 && !ownsDecay) weightDecayApply(this.variables, learningRate, weightDecay);
      this.optimizer.apply(this.variables, clipNorm > 0 ? gradientClipByGlobalNorm(raw, clipNorm) : raw, learningRate, gradientAt);
      return value;
    });
    this.steps += 1;
    return { loss, step: this.steps, learningRate };
  }

  /** The objective at the current weights, over every prompt. */
  objectiveNow(): Scalar {
    return tf.tidy(() => this.objective(this.variables));
  }

  /**
   * The probe vector, PREFERENCE_PROBE_FIELDS in order: mean log π(y_w|x) and log π(y_l|x) over the
   * pairs; the cosine between the gradients of those two means (for unlearning: of the forget and
   * the retain set's mean log-probability); the mean implicit reward margin
   * (log π/π_ref)(y_w) − (log π/π_ref)(y_l), per unit β; the win-rate against π_ref under the hidden
   * reward, E_x Σ π(y|x) π_ref(y′|x) [r*(x,y) > r*(x,y′)] (ties ½); the mean probability of the
   * forget and the retain sets' answers; and the mean probability of each prompt's best response.
   */
  probe(): Tensor1D {
    return tf.tidy(() => {
      const t = this.t;
      const meanLog = (x: Tensor2D, target: Tensor2D) => (params: Tensor[]): Scalar => tf.mean(preferenceLogProbOf(mlpForward(params, x, this.shape.activation), target)) as Scalar;
      const unlearning = this.loss.family === 'unlearning';
      const [first, second] = unlearning
        ? [meanLog(t.forgetX, t.forgetTarget), meanLog(t.retainX, t.retainTarget)]
        : [meanLog(t.x, t.chosen), meanLog(t.x, t.rejected)];
      const flat = (gs: Tensor[]): Tensor1D => tf.concat(gs.map((g) => tf.reshape(g, [-1]))) as Tensor1D;
      const g1 = flat(tf.grads((...ps: Tensor[]) => first(ps))(this.variables));
      const g2 = flat(tf.grads((...ps: Tensor[]) => second(ps))(this.variables));
      const cosine = tf.div(tf.sum(tf.mul(g1, g2)), tf.maximum(tf.mul(tf.norm(g1), tf.norm(g2)), 1e-30));
      const logAll = tf.logSoftmax(this.logits(t.x));
      const logChosen = tf.sum(tf.mul(t.chosen, logAll), 1);
      const logRejected = tf.sum(tf.mul(t.rejected, logAll), 1);
      const refChosen = tf.sum(tf.mul(t.chosen, this.refLog.all), 1);
      const refRejected = tf.sum(tf.mul(t.rejected, this.refLog.all), 1);
      const margin = tf.mean(tf.sub(tf.sub(logChosen, refChosen), tf.sub(logRejected, refRejected)));
      const probs = tf.exp(logAll);
      const winRate = tf.div(tf.sum(tf.mul(tf.mul(tf.expandDims(probs, 2), t.beats), tf.expandDims(this.refLog.probs, 1))), t.x.shape[0]);
      const pick = (x: Tensor2D, target: Tensor2D): Scalar => tf.mean(tf.exp(preferenceLogProbOf(this.logits(x), target))) as Scalar;
      return tf.stack([
        tf.mean(logChosen),
        tf.mean(logRejected),
        cosine,
        margin,
        winRate,
        pick(t.forgetX, t.forgetTarget),
        pick(t.retainX, t.retainTarget),
        tf.mean(tf.sum(tf.mul(t.best, probs), 1)),
      ]) as Tensor1D;
    });
  }

  /** π(·|x) over a `resolution²` grid of the plane (rows from the top), `resolution² × K`. */
  gridProbabilities(resolution: number, extent: readonly [number, number, number, number]): Tensor2D {
    const [x0, x1, y0, y1] = extent;
    const inputs = new Float32Array(resolution * resolution * 2);
    for (let row = 0; row < resolution; row++) {
      for (let col = 0; col < resolution; col++) {
        const i = row * resolution + col;
        inputs[2 * i] = x0 + ((col + 0.5) / resolution) * (x1 - x0);
        inputs[2 * i + 1] = y1 - ((row + 0.5) / resolution) * (y1 - y0);
      }
    }
    return tf.tidy(() => tf.softmax(this.logits(tf.tensor2d(inputs, [resolution * resolution, 2]))));
  }

  /**
   * Goes on from `weights` (weightsFlat's order) at step `steps`, after a worker restart: π_ref
   * stays the policy at the initial weights, and the optimizer's state starts afresh.
   */
  restore(weights: Float32Array, steps: number): void {
    assignWeights(this.variables, weights);
    // The minibatch order is replayed, so the steps after it draw the batches an unbroken run would.
    for (let s = 0; s < steps; s++) this.batches.skip();
    this.steps = steps;
  }

  /** All parameters as one vector, W₀ (row-major), b₀, W₁, b₁, … */
  weightsFlat(): Tensor1D {
    return tf.tidy(() => tf.concat(this.variables.map((v) => tf.reshape(v, [-1]))) as Tensor1D);
  }

  dispose(): void {
    this.optimizer.dispose();
    tf.dispose(this.variables);
    tf.dispose([this.refLog.all, this.refLog.forget, this.refLog.retain, this.refLog.probs]);
    // The rows' inputs and targets are the shared tensors; only log π_ref of each row is the run's.
    tf.dispose([this.rows.pairs.refChosen, this.rows.pairs.refRejected, this.rows.forget.ref, this.rows.retain.ref]);
  }

  private logits(x: Tensor2D, params: readonly Tensor[] = this.variables): Tensor2D {
    return mlpForward(params, x, this.shape.activation);
  }

  /** The loss on the rows its family reads (a minibatch, or every prompt): the pairs, or the forget (and retain) sets. */
  private objective(params: readonly Tensor[], rows: PreferenceRows = this.rows): Scalar {
    const inputs: PreferenceInputsTf = {};
    if (this.loss.family === 'preference') {
      const { x, ...pairs } = rows.pairs;
      inputs.pairs = { logits: this.logits(x, params), ...pairs };
    } else {
      const { forget, retain } = rows;
      inputs.forget = { logits: this.logits(forget.x, params), target: forget.target, ref: forget.ref };
      if (this.loss.usesRetain) inputs.retain = { logits: this.logits(retain.x, params), target: retain.target, ref: retain.ref };
    }
    return this.loss.compute(inputs, this.config.loss.params);
  }
}
