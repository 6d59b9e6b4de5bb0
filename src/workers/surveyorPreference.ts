// The surveyor's side of task 'preference': the problem's tensors, made from the config as the
// trainer makes them, and each run's total objective around its reference policy π_ref, whose
// parameters the trainer sends with the weights (the run's initial weights; for unlearning, after
// the warm-up, which the surveyor does not repeat).
import { configRuns, type ExperimentConfig } from '../engine/config';
import { mlpInitWeights, type DenseWeights } from '../engine/mlp';
import { landscapeUnflatten } from '../engine/landscape';
import { preferenceProblemCreate } from '../engine/preference/problem';
import { preferenceTensorsCreate, preferenceTensorsDispose, type PreferenceTensors } from '../engine/preference/preferenceTensors';
import { preferenceShape } from '../engine/preference/preferenceRun';
import { preferenceLandscapeObjective } from '../engine/preference/preferenceLandscape';
import type { SurveyorModel } from './surveyorSession';

/** The problem of a preference config as the trainer builds it (PreferenceSession.configure). */
function tensorsFor(config: ExperimentConfig): PreferenceTensors {
  const { preference, data } = config;
  const problem = preferenceProblemCreate({ prompts: data.points, responses: preference.responses, labelNoise: preference.labelNoise, forgetFraction: preference.forgetFraction, seed: data.seed });
  return preferenceTensorsCreate(problem);
}

export class PreferenceSurvey {
  private readonly tensors: PreferenceTensors;

  constructor(private readonly config: ExperimentConfig) {
    this.tensors = tensorsFor(config);
  }

  /**
   * Run `run`'s objective with π_ref at `reference` (flat, in weightsFlat's order). Throws with a
   * sentence when the trainer has not sent the reference yet. The model's tensors are freed by its
   * `dispose`; the problem's by this survey's.
   */
  model(run: number, revision: number, reference: Float32Array | undefined): SurveyorModel {
    const runConfig = configRuns(this.config)[run];
    if (!runConfig) throw new Error(`there is no run ${run}`);
    if (!reference) throw new Error('No reference policy yet: the landscape appears once the trainer has sent the run’s weights.');
    const shape = preferenceShape(runConfig, this.tensors.responses);
    const sizes = [shape.inputs, ...shape.hidden, shape.outputs];
    const like = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l]!, outputs }));
    const landscape = preferenceLandscapeObjective(runConfig, this.tensors, landscapeUnflatten(reference, like));
    return { objective: landscape.objective, shapes: landscape.shapes, revision, dispose: landscape.dispose };
  }

  dispose(): void {
    preferenceTensorsDispose(this.tensors);
  }
}

/**
 * Run 0's objective around the seeded initial policy (as its own reference), for timing backends
 * and strategies: the cost of a surface does not depend on the numbers, and the unlearning
 * warm-up is not worth repeating on every candidate backend.
 */
export function preferenceSurveyTrial(config: ExperimentConfig): { model: SurveyorModel; center: DenseWeights[]; dispose(): void } {
  const survey = new PreferenceSurvey(config);
  const runConfig = configRuns(config)[0]!;
  const center = mlpInitWeights(preferenceShape(runConfig, config.preference.responses), runConfig.seed);
  const flat = Float32Array.from(center.flatMap((layer) => [...layer.w, ...layer.b]));
  const model = survey.model(0, 0, flat);
  return {
    model,
    center,
    dispose: () => {
      model.dispose?.();
      survey.dispose();
    },
  };
}
