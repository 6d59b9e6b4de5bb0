import { describe, expect, it } from 'vitest';
import { configClamp } from '../config';
import { LANDSCAPE_STRATEGIES, landscapeEvaluateLooped, landscapeEvaluator, landscapeLossOf, landscapePlanePoint, landscapeRandomPlane, landscapeUnflatten } from '../landscape';
import { PREFERENCE_LOSSES } from '../../losses/preference/registry';
import { preferenceProblemCreate } from './problem';
import { preferenceTensorsCreate, preferenceTensorsDispose } from './preferenceTensors';
import { PreferenceRun, preferenceInitialWeights } from './preferenceRun';
import { preferenceLandscapeObjective } from './preferenceLandscape';
import { preferenceObjectiveReference } from './preferenceReference';

/** Within 1e-5, relative to the value where it is over 1. */
function expectClose(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
}

describe('the landscape of a preference run', () => {
  const setting = (loss: string, activation: 'tanh' | 'relu') =>
    configClamp({
      task: 'preference',
      loss: { id: loss, params: { beta: 0.7, eta: 0.6, lambda: 1.5, gamma: 0.4, tau: 0.3 } },
      data: { points: 36, seed: 4 },
      model: { layers: 2, width: 6, activation },
      preference: { responses: 4, labelNoise: 0.2, forgetFraction: 0.3, warmupSteps: 25 },
      optimizer: { id: 'adam', learningRate: 0.05 },
      seed: 11,
    }).config;

  for (const loss of PREFERENCE_LOSSES) {
    it(`${loss.id}: the centre is the trainer's reported loss, an off-centre point the plain-TypeScript objective`, async () => {
      for (const activation of ['tanh', 'relu'] as const) {
        const config = setting(loss.id, activation);
        const problem = preferenceProblemCreate({ prompts: config.data.points, responses: config.preference.responses, labelNoise: config.preference.labelNoise, forgetFraction: config.preference.forgetFraction, seed: config.data.seed });
        const tensors = preferenceTensorsCreate(problem);
        const initial = preferenceInitialWeights(config, tensors, loss.family);
        const run = new PreferenceRun(config, tensors, initial);
        for (let s = 0; s < 6; s++) run.trainStep().loss.dispose();
        const theta = run.weightsFlat();
        const weights = theta.dataSync() as Float32Array;
        theta.dispose();
        // The loss the trainer reports for a step is its objective at the weights before the update.
        const step = run.trainStep();
        const reported = step.loss.dataSync()[0]!;
        step.loss.dispose();
        const landscape = preferenceLandscapeObjective(config, tensors, initial);
        const center = landscapeUnflatten(weights, landscape.shapes);
        expectClose(reported, preferenceObjectiveReference(config, problem, center, initial), 'trainer vs the reference');
        const plane = landscapeRandomPlane(center, config.seed, { biases: 'unit' });
        const alphas = [0, 0.6, -0.25];
        const betas = [0, -0.35, 0.8];
        const expected = alphas.map((a, i) => preferenceObjectiveReference(config, problem, landscapePlanePoint(plane, a, betas[i]!), initial));
        // Every way the surveyor may evaluate a surface: the engine's batched strategies and the looped one.
        const results: [string, Float32Array][] = [['looped', await landscapeEvaluateLooped(landscape.objective, plane, alphas, betas)]];
        for (const strategy of LANDSCAPE_STRATEGIES) {
          const evaluator = landscapeEvaluator(landscape.objective, plane, { strategy });
          results.push([strategy, await evaluator.evaluate(alphas, betas)]);
          evaluator.dispose();
        }
        for (const [strategy, values] of results) {
          expectClose(values[0]!, reported, `${activation} ${strategy} centre`);
          values.forEach((v, i) => expectClose(v, expected[i]!, `${activation} ${strategy} at (${alphas[i]}, ${betas[i]})`));
        }
        // A path point's loss (one plain forward pass) is the same objective.
        expectClose(await landscapeLossOf(landscape.objective, center), reported, 'path loss');
        // Off the centre the objective does change: the surface is not flat.
        expect(Math.abs(expected[1]! - reported)).toBeGreaterThan(1e-4);
        landscape.dispose();
        run.dispose();
        preferenceTensorsDispose(tensors);
      }
    });
  }
});
