// Where every run of a preference comparison starts: one set of weights for all of them.
import { configRuns, type ExperimentConfig } from '../config';
import type { DenseWeights } from '../mlp';
import { preferenceLossFind } from '../../losses/preference/registry';
import { preferenceInitialWeights } from './preferenceRun';
import type { PreferenceTensors } from './preferenceTensors';

/**
 * The starting point a comparison's runs share: the warmed-up policy when any run unlearns (an
 * unlearning loss needs a model that knows the answers it is to forget, and a preference loss can
 * start from it as well as from a random one), else the seeded random policy. One starting point
 * for every run keeps the comparison's promise: DPO against NPO differs by the loss alone, not by
 * where each started.
 */
export function preferenceStartFamily(config: ExperimentConfig): 'preference' | 'unlearning' {
  return configRuns(config).some((run) => preferenceLossFind(run.loss.id)?.family === 'unlearning') ? 'unlearning' : 'preference';
}

/** The initial weights of every run of `config` (π_ref of each is the policy at these weights). */
export function preferenceStartWeights(config: ExperimentConfig, tensors: PreferenceTensors): DenseWeights[] {
  return preferenceInitialWeights(config, tensors, preferenceStartFamily(config));
}
