// The landscape of a preference run: its total objective (the loss PreferenceRun minimises, with
// π_ref's log-probabilities, the loss's β/γ/η/λ and the forget and retain sets) as a
// LandscapeObjective, so the landscape engine's evaluators, directions and paths work on it as
// they do on a classifier's loss.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { mlpForward, mlpWeightTensors, type DenseWeights } from '../mlp';
import type { ExperimentConfig } from '../config';
import type { LandscapeObjective } from '../landscape/evaluate';
import type { LayerShape } from '../landscape/params';
import type { LossSpec } from '../../losses/types';
import { preferenceLossById } from '../../losses/preference/registry';
import type { PreferenceInputsTf, PreferenceLossSpec } from '../../losses/preference/types';
import { preferenceShape } from './preferenceRun';
import type { PreferenceTensors } from './preferenceTensors';

export interface PreferenceLandscape {
  objective: LandscapeObjective;
  shapes: LayerShape[];
  /** Frees the tensors the objective holds (not the problem's PreferenceTensors, which the caller owns). */
  dispose(): void;
}

/** log π(y|x) of each row's one-hot response, from the policy's log-softmax, `[n]`. */
function logProbOf(logSoftmax: Tensor2D, target: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(target, logSoftmax), 1);
}

/**
 * What each row of the objective carries besides its prompt, as the columns of the objective's
 * `targets` (`n × (2K + 4)`), so the engine tiles them with the rows when it scores many weight
 * vectors at once: the row's response one-hot (y_w of a pair; the answer of a forget or retain
 * prompt), y_l one-hot (zeros when unlearning), log π_ref of each, and the weights of the row's
 * term in the first set (the pairs, or the forget set) and in the retain set. A set of m of the
 * n rows weighs n/m, so the mean over the rows is Σ over sets of the set's mean, as the trainer's
 * losses average each set on its own.
 */
function packedColumns(k: number): number[] {
  return [k, k, 1, 1, 1, 1];
}

/**
 * The loss as the landscape engine takes it: one value per row (level 'example') from the loss's
 * own per-row terms (PreferenceLossSpec.terms), whose mean over the rows is the objective.
 */
function preferenceLossAsSpec(loss: PreferenceLossSpec, k: number): LossSpec {
  return {
    id: loss.id,
    name: loss.name,
    tex: loss.tex,
    note: loss.note,
    source: loss.source,
    level: 'example',
    params: loss.params,
    unavailableReason: () => null,
    compute: (logits, packed, params): Tensor1D => {
      const [primary, rejected, refPrimary, refRejected, firstWeight, retainWeight] = tf.split(packed, packedColumns(k), 1) as Tensor2D[];
      const column = (t: Tensor2D): Tensor1D => tf.reshape(t, [-1]);
      if (loss.family === 'preference') {
        const inputs: PreferenceInputsTf = { pairs: { logits, chosen: primary!, rejected: rejected!, refChosen: column(refPrimary!), refRejected: column(refRejected!) } };
        return loss.terms(inputs, params).pairs!;
      }
      const set = { logits, target: primary!, ref: column(refPrimary!) };
      if (!loss.usesRetain) return loss.terms({ forget: set }, params).forget!;
      const terms = loss.terms({ forget: set, retain: set }, params);
      // Each row is in one set: its other term is not read (where, not a product, so it cannot spread a non-finite value).
      const first = column(firstWeight!);
      return tf.where(tf.greater(first, 0), tf.mul(first, terms.forget!), tf.mul(column(retainWeight!), terms.retain!));
    },
    reference: () => {
      throw new Error(`${loss.name} is a preference loss: its reference takes pairs or forget and retain sets (PreferenceLossSpec.reference), not class labels`);
    },
  };
}

/**
 * Run `runConfig`'s objective over the problem's tensors (full batch), with π_ref the policy at
 * `reference` (the run's initial weights): the same inputs, loss and parameters as
 * PreferenceRun's objective, π_ref's log-probabilities computed as PreferenceRun computes them
 * (log-softmax of the reference policy's logits on each set). The policy's layers are `shapes`;
 * a landscape's weights are flattened in PreferenceRun.weightsFlat's order.
 */
export function preferenceLandscapeObjective(runConfig: ExperimentConfig, t: PreferenceTensors, reference: readonly DenseWeights[]): PreferenceLandscape {
  const loss = preferenceLossById(runConfig.loss.id);
  const shape = preferenceShape(runConfig, t.responses);
  const sizes = [shape.inputs, ...shape.hidden, shape.outputs];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l]!, outputs }));
  if (JSON.stringify(reference.map(({ inputs, outputs }) => ({ inputs, outputs }))) !== JSON.stringify(shapes)) throw new Error('the reference policy’s weights do not fit the policy');
  const k = t.responses;
  const built = tf.tidy(() => {
    const params = mlpWeightTensors(reference);
    const refOf = (x: Tensor2D, target: Tensor2D): Tensor2D => tf.expandDims(logProbOf(tf.logSoftmax(mlpForward(params, x, shape.activation)), target), 1);
    const fill = (rows: number, value: number): Tensor2D => tf.fill([rows, 1], value);
    if (loss.family === 'preference') {
      const n = t.x.shape[0];
      return { x: t.x, targets: tf.concat([t.chosen, t.rejected, refOf(t.x, t.chosen), refOf(t.x, t.rejected), fill(n, 1), fill(n, 0)], 1) as Tensor2D };
    }
    const f = t.forgetX.shape[0];
    const r = loss.usesRetain ? t.retainX.shape[0] : 0;
    const n = f + r;
    const forget = tf.concat([t.forgetTarget, tf.zerosLike(t.forgetTarget), refOf(t.forgetX, t.forgetTarget), fill(f, 0), fill(f, n / f), fill(f, 0)], 1) as Tensor2D;
    if (r === 0) return { x: tf.clone(t.forgetX), targets: forget };
    const retain = tf.concat([t.retainTarget, tf.zerosLike(t.retainTarget), refOf(t.retainX, t.retainTarget), fill(r, 0), fill(r, 0), fill(r, n / r)], 1) as Tensor2D;
    return { x: tf.concat([t.forgetX, t.retainX], 0) as Tensor2D, targets: tf.concat([forget, retain], 0) as Tensor2D };
  });
  // The problem's prompts stay the caller's; what was made here is freed with the landscape.
  const owned: Tensor[] = built.x === t.x ? [built.targets] : [built.x, built.targets];
  const objective: LandscapeObjective = {
    activation: shape.activation,
    x: built.x,
    targets: built.targets,
    loss: preferenceLossAsSpec(loss, k),
    params: runConfig.loss.params,
    context: { classes: k, classPriors: new Float32Array(k).fill(1 / k), step: 0, seed: runConfig.seed },
  };
  return { objective, shapes, dispose: () => tf.dispose(owned) };
}
