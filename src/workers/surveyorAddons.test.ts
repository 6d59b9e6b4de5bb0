import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { tf } from '../engine/tf';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate } from '../engine/trainingData';
import { landscapeRandomPlane, landscapeUnflatten } from '../engine/landscape';
import { SURVEY_STRATEGIES, surveyEvaluator } from './surveyorEvaluator';
import { surveyorModelBuild } from './surveyorSession';

// Training minimises the loss plus its add-ons (TrainingObjective.ofLogits): an MLP's surface is of that.
describe("an MLP's loss landscape with add-ons", () => {
  const cases = [
    { id: 'ce', addons: { 'z-reg': { lambda: 0.01 } } },
    { id: 'focal', addons: { 'confidence-penalty': { beta: 0.3 }, 'z-reg': { lambda: 0.002 } } },
    // A batch-level loss goes through the per-point branch of a chunk.
    { id: 'soft-dice', addons: { 'confidence-penalty': { beta: 0.2 } } },
  ];
  for (const loss of cases) {
    it(`${loss.id} + ${Object.keys(loss.addons).join(' + ')}: the centre is the trainer's objective under every strategy, which agree off it`, async () => {
      const config = configClamp({ data: { kind: 'circle', points: 90, seed: 2 }, model: { layers: 1, width: 5, activation: 'tanh' }, loss, seed: 3 }).config;
      expect(Object.keys(config.loss.addons)).toEqual(Object.keys(loss.addons));
      const data = trainingDataCreate(config);
      const run = new TrainingRun(config, data);
      try {
        for (let s = 0; s < 15; s++) {
          const step = run.trainStep();
          step.loss.dispose();
          step.telemetry?.dispose();
        }
        const weights = Float32Array.from(tf.tidy(() => run.weightsFlat()).dataSync());
        const total = run.fullObjective();
        const trainer = total.dataSync()[0]!;
        total.dispose();
        const model = surveyorModelBuild(config, data, 0, 1);
        const plane = landscapeRandomPlane(landscapeUnflatten(weights, model.shapes), config.seed);
        const alphas = new Float32Array([0, 0.4, -0.7]);
        const betas = new Float32Array([0, 0.3, 0.5]);
        const byStrategy = [];
        for (const strategy of SURVEY_STRATEGIES) {
          const evaluator = surveyEvaluator(model.objective, plane, strategy);
          byStrategy.push(await evaluator.evaluate(alphas, betas));
          evaluator.dispose();
        }
        for (const values of byStrategy) {
          expect(Math.abs(values[0]! - trainer)).toBeLessThan(1e-5 * Math.max(1, trainer));
          for (let k = 1; k < alphas.length; k++) expect(Math.abs(values[k]! - byStrategy[0]![k]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(byStrategy[0]![k]!)));
        }
        // Without its add-ons the surface would be another one (the confidence penalty lowers it): the test sees the difference.
        const bare = surveyEvaluator({ ...model.objective, addons: [] }, plane, 'looped');
        const bareCentre = (await bare.evaluate(alphas.subarray(0, 1), betas.subarray(0, 1)))[0]!;
        bare.dispose();
        expect(Math.abs(trainer - bareCentre)).toBeGreaterThan(1e-4);
      } finally {
        run.dispose();
        data.dispose();
      }
    });
  }
});
