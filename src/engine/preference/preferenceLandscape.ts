// The landscape of a preference run: its total objective (the loss PreferenceRun minimises, with
// π_ref's log-probabilities, the loss's β/γ/η/λ and the forget and retain sets) as a
// LandscapeObjective, so the landscape engine's evaluators, directions and paths work on it as
// they do on a classifier's loss.
import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
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

/** log π(y|x) of each row's one-hot response under the policy with these weights, `[n]`. */
function logProbOf(logSoftmax: Tensor2D, target: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(target, logSoftmax), 1);
}

/**
 * What one evaluation of the objective needs besides the policy's logits, for the rows of the
 * objective's `x`: the pairs (preference losses; `x` is every prompt, `targets` the chosen
 * responses), or the forget set followed by the retain set where the loss reads it (unlearning;
 * `targets` the sets' answers).
 */
interface HeldInputs {
  rejected: Tensor2D | null;
  refChosen: Tensor1D | null;
  refRejected: Tensor1D | null;
  forgetRows: number;
  refForget: Tensor1D | null;
  refRetain: Tensor1D | null;
}

/**
 * The loss as the landscape engine takes it: a batch-level loss of the logits of the objective's
 * rows against `targets`. A preference objective needs more per row than one response (the
 * rejected response, π_ref's log-probabilities, which set a row is in): `held` carries those,
 * fixed for the run, and `targets` the response each row's term is about.
 */
function preferenceLossAsSpec(loss: PreferenceLossSpec, held: HeldInputs): LossSpec {
  return {
    id: loss.id,
    name: loss.name,
    tex: loss.tex,
    note: loss.note,
    source: loss.source,
    level: 'batch',
    params: loss.params,
    unavailableReason: () => null,
    compute: (logits, targets, params): Scalar => {
      const inputs: PreferenceInputsTf = {};
      if (loss.family === 'preference') {
        inputs.pairs = { logits, chosen: targets, rejected: held.rejected!, refChosen: held.refChosen!, refRejected: held.refRejected! };
      } else if (!held.refRetain) {
        inputs.forget = { logits, target: targets, ref: held.refForget! };
      } else {
        const [n, k] = logits.shape;
        const f = held.forgetRows;
        const rows = (t: Tensor2D, start: number, count: number): Tensor2D => tf.slice(t, [start, 0], [count, k]);
        inputs.forget = { logits: rows(logits, 0, f), target: rows(targets, 0, f), ref: held.refForget! };
        inputs.retain = { logits: rows(logits, f, n - f), target: rows(targets, f, n - f), ref: held.refRetain };
      }
      return loss.compute(inputs, params);
    },
    reference: () => {
      throw new Error(`${loss.name} is a preference loss: its reference takes pairs or forget and retain sets (PreferenceLossSpec.reference), not class labels`);
    },
  };
}

/**
 * Run `runConfig`'s objective over the problem's tensors, with π_ref the policy at `reference`
 * (the run's initial weights). It is PreferenceRun's objective term for term: the same inputs,
 * the same loss and parameters, π_ref's log-probabilities computed as PreferenceRun computes them
 * (log-softmax of the reference policy's logits on each set), full batch. The policy's layers are
 * `shapes`; a landscape's weights are flattened in PreferenceRun.weightsFlat's order.
 */
export function preferenceLandscapeObjective(runConfig: ExperimentConfig, t: PreferenceTensors, reference: readonly DenseWeights[]): PreferenceLandscape {
  const loss = preferenceLossById(runConfig.loss.id);
  const shape = preferenceShape(runConfig, t.responses);
  const sizes = [shape.inputs, ...shape.hidden, shape.outputs];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l]!, outputs }));
  const expected = JSON.stringify(shapes);
  if (JSON.stringify(reference.map(({ inputs, outputs }) => ({ inputs, outputs }))) !== expected) throw new Error('the reference policy’s weights do not fit the policy');
  const owned: Tensor[] = [];
  const own = <T extends Tensor>(value: T): T => {
    owned.push(value);
    return value;
  };
  const params = mlpWeightTensors(reference);
  /** log π_ref(y|x) of each row's response, from the reference policy's log-softmax on the set. */
  const refOf = (x: Tensor2D, target: Tensor2D): Tensor1D => own(tf.tidy(() => logProbOf(tf.logSoftmax(mlpForward(params, x, shape.activation)), target)));
  const held: HeldInputs = { rejected: null, refChosen: null, refRejected: null, forgetRows: 0, refForget: null, refRetain: null };
  let x: Tensor2D;
  let targets: Tensor2D;
  try {
    if (loss.family === 'preference') {
      x = t.x;
      targets = t.chosen;
      Object.assign(held, { rejected: t.rejected, refChosen: refOf(t.x, t.chosen), refRejected: refOf(t.x, t.rejected) });
    } else {
      held.forgetRows = t.forgetX.shape[0];
      held.refForget = refOf(t.forgetX, t.forgetTarget);
      x = t.forgetX;
      targets = t.forgetTarget;
      if (loss.usesRetain) {
        held.refRetain = refOf(t.retainX, t.retainTarget);
        x = own(tf.concat([t.forgetX, t.retainX], 0));
        targets = own(tf.concat([t.forgetTarget, t.retainTarget], 0));
      }
    }
  } finally {
    tf.dispose(params);
  }
  const k = t.responses;
  const objective: LandscapeObjective = {
    activation: shape.activation,
    x,
    targets,
    loss: preferenceLossAsSpec(loss, held),
    params: runConfig.loss.params,
    context: { classes: k, classPriors: new Float32Array(k).fill(1 / k), step: 0, seed: runConfig.seed },
  };
  return { objective, shapes, dispose: () => tf.dispose(owned) };
}
