// A preference run's objective in plain TypeScript (float64): the policy's logits from its weights,
// π_ref's log-probabilities from the reference weights, and the loss's own reference
// implementation (refMath.ts). Tests hold the trainer and the landscape to it.
import { activationReference } from '../activationReference';
import type { Activation, DenseWeights } from '../mlp';
import type { ExperimentConfig } from '../config';
import { preferenceLossById } from '../../losses/preference/registry';
import type { PreferenceInputsRef } from '../../losses/preference/types';
import { refLogProb } from '../../losses/preference/refMath';
import type { PreferenceProblem } from './problem';

/** The MLP's logits for one input row, in float64. */
export function preferenceLogitsReference(layers: readonly DenseWeights[], input: readonly number[], activation: Activation): number[] {
  let h = input;
  layers.forEach((layer, l) => {
    const z = Array.from({ length: layer.outputs }, (_, o) => {
      let sum = layer.b[o]!;
      for (let i = 0; i < layer.inputs; i++) sum += h[i]! * layer.w[i * layer.outputs + o]!;
      return sum;
    });
    h = l + 1 < layers.length ? z.map((v) => activationReference(v, activation)) : z;
  });
  return [...h];
}

/**
 * The objective PreferenceRun minimises for `runConfig` (full batch) at `weights`, with π_ref the
 * policy at `reference`: the pairs over every prompt for a preference loss, the forget set (and
 * the retain set, where the loss reads it) for an unlearning loss, whose answers are each prompt's
 * best response.
 */
export function preferenceObjectiveReference(runConfig: ExperimentConfig, problem: PreferenceProblem, weights: readonly DenseWeights[], reference: readonly DenseWeights[]): number {
  const loss = preferenceLossById(runConfig.loss.id);
  const activation = runConfig.model.activation;
  const row = (i: number): number[] => [problem.x[2 * i]!, problem.x[2 * i + 1]!];
  const logits = (rows: ArrayLike<number>, layers: readonly DenseWeights[]): number[][] => Array.from(rows, (i) => preferenceLogitsReference(layers, row(i), activation));
  const every = Int32Array.from({ length: problem.best.length }, (_, i) => i);
  const inputs: PreferenceInputsRef = {};
  if (loss.family === 'preference') {
    const refLogits = logits(every, reference);
    inputs.pairs = {
      logits: logits(every, weights),
      chosen: [...problem.chosen],
      rejected: [...problem.rejected],
      refChosen: refLogits.map((z, i) => refLogProb(z, problem.chosen[i]!)),
      refRejected: refLogits.map((z, i) => refLogProb(z, problem.rejected[i]!)),
    };
  } else {
    const set = (rows: Int32Array) => {
      const target = Array.from(rows, (i) => problem.best[i]!);
      return { logits: logits(rows, weights), target, ref: logits(rows, reference).map((z, i) => refLogProb(z, target[i]!)) };
    };
    inputs.forget = set(problem.forget);
    if (loss.usesRetain) inputs.retain = set(problem.retain);
  }
  return loss.reference(inputs, runConfig.loss.params);
}
