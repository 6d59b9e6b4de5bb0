// The preference trainer's workload, for the backend decision (backendDecision.ts): its size class
// and a timing of its steps on the current backend, as backendTrials.ts does for the other tasks.
import { tf } from '../engine/tf';
import { configRuns, type ExperimentConfig } from '../engine/config';
import { mlpInitWeights } from '../engine/mlp';
import { preferenceProblemCreate } from '../engine/preference/problem';
import { preferenceTensorsCreate, preferenceTensorsDispose } from '../engine/preference/preferenceTensors';
import { PreferenceRun, preferenceShape } from '../engine/preference/preferenceRun';
import { backendForwardWork, backendSizeClass } from './backendDecision';
import { sustainedStepRate } from './sustainedStepRate';

type Now = () => number;
const defaultNow: Now = () => performance.now();

/**
 * The size class of a preference config's training: the forward work of one step of every run
 * (each on its minibatch of prompts), in a class of its own (`…:preference`): the same work costs
 * another amount here than in a classifier's step (log-softmax over responses, π_ref's terms), so
 * a choice timed on one is not the other's.
 */
export function preferenceSizeClass(config: ExperimentConfig): string {
  const prompts = config.data.points;
  const sizes = [2, ...Array.from({ length: config.model.layers }, () => config.model.width), config.preference.responses];
  const work = configRuns(config).reduce((sum, run) => {
    const batch = run.optimizer.batchSize > 0 ? Math.min(run.optimizer.batchSize, prompts) : prompts;
    return sum + backendForwardWork(batch, sizes);
  }, 0);
  return `${backendSizeClass('train', work)}:preference`;
}

/**
 * Training steps per second of a preference config on the current backend: every run stepped in
 * lockstep as PreferenceSession steps them, in chunks with one loss readback each (about 25 ms,
 * 100 ms on a GPU backend), for `budgetMs`, after an untimed chunk that pays first-use costs.
 * The runs start from the seeded random policy: unlearning's warm-up changes where a step starts,
 * not what it costs.
 */
export async function preferenceTrainingTrial(config: ExperimentConfig, budgetMs: number, now: Now = defaultNow): Promise<number> {
  const problem = preferenceProblemCreate({ prompts: config.data.points, responses: config.preference.responses, labelNoise: config.preference.labelNoise, forgetFraction: config.preference.forgetFraction, seed: config.data.seed });
  const tensors = preferenceTensorsCreate(problem);
  const initial = mlpInitWeights(preferenceShape(config, tensors.responses), config.seed);
  const runs: PreferenceRun[] = [];
  try {
    for (const runConfig of configRuns(config)) runs.push(new PreferenceRun(runConfig, tensors, initial));
    const stepChunk = (count: number): tf.Scalar[] => {
      const losses: tf.Scalar[] = [];
      for (let i = 0; i < count; i++) for (const run of runs) losses.push(run.trainStep().loss);
      return losses;
    };
    return await sustainedStepRate(stepChunk, budgetMs, now);
  } finally {
    for (const run of runs) run.dispose();
    preferenceTensorsDispose(tensors);
  }
}
