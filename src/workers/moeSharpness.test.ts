import { describe, expect, it } from 'vitest';
import { configClamp, configRuns, type ExperimentConfig } from '../engine/config';
import { tf, type Tensor } from '../engine/tf';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import { landscapeUnflatten, landscapeZeros } from '../engine/landscape';
import { moeDomainOf } from '../engine/moe/moeDomains';
import { moeReferenceForward, moeReferenceFullBatchLbl } from '../engine/moe/moeReference';
import { surveyEvaluator } from './surveyorEvaluator';
import { surveyorModelBuild } from './surveyorSession';

// Plain SGD, so the sharpness has no preconditioner and two runs at the same weights differ only
// in their objective.
const config = configClamp({
  data: { kind: 'xor', points: 120, seed: 2 },
  model: { kind: 'moe', experts: 3, topK: 2, layers: 1, width: 4, activation: 'tanh' },
  optimizer: { id: 'sgd', learningRate: 0.3, params: {} },
  training: { moe: { alpha: 1, zLoss: 0.01, microBatches: 2, microBatchSize: 8, balance: 'micro' } },
  compare: { runs: [{ training: { moe: { balance: 'global' } } }] },
  seed: 4,
}).config;

function flat(tensors: readonly Tensor[]): Float32Array {
  return Float32Array.from(tf.tidy(() => tf.concat(tensors.map((t) => tf.reshape(t, [-1])))).dataSync());
}

/** The landscape's value at `weights`, the centre of its plane, for run `run`. */
async function landscapeCentre(cfg: ExperimentConfig, data: TrainingData, run: number, weights: Float32Array): Promise<number> {
  const model = surveyorModelBuild(cfg, data, run, 0);
  const zeros = landscapeZeros(model.shapes);
  const evaluator = surveyEvaluator(model.objective, { center: landscapeUnflatten(weights, model.shapes), d1: zeros, d2: zeros }, 'batched');
  try {
    return (await evaluator.evaluate([0], [0]))[0]!;
  } finally {
    evaluator.dispose();
  }
}

describe("a mixture's sharpness with micro-batch LBL", () => {
  it('is taken on the objective the landscape draws (each domain one micro-batch), not on global-batch LBL', async () => {
    const data = trainingDataCreate(config);
    const [microConfig, globalConfig] = configRuns(config);
    const micro = new TrainingRun(microConfig!, data);
    const global = new TrainingRun(globalConfig!, data);
    try {
      for (let s = 0; s < 40; s++) micro.trainStep().loss.dispose();
      const weights = flat(micro.parameters);
      global.restore(weights, micro.steps);

      // The probe's objective at the current weights is the landscape's centre.
      const probed = tf.tidy(() => micro.fullObjectiveAt(micro.parameters)).dataSync()[0]!;
      expect(Math.abs(probed - (await landscapeCentre(config, data, 0, weights)))).toBeLessThan(1e-5);
      const trainer = micro.fullObjective();
      expect(Math.abs(probed - trainer.dataSync()[0]!)).toBeLessThan(1e-5);
      trainer.dispose();
      // …and differs from the global-LBL objective there by α times the two LBLs' difference.
      const x = data.train.x.arraySync() as number[][];
      const shape = micro.moe!.shape;
      const points = x.map((row) => moeReferenceForward(landscapeUnflatten(weights, surveyorModelBuild(config, data, 0, 0).shapes), row, shape));
      const domains = x.map(([x1, x2]) => moeDomainOf(x1!, x2!, config.data.domains));
      const lbl = (scope: 'micro' | 'global'): number => moeReferenceFullBatchLbl(points.map((p) => p.probs), points.map((p) => p.mask), domains, shape.topK, scope);
      const probedGlobal = tf.tidy(() => global.fullObjectiveAt(global.parameters)).dataSync()[0]!;
      expect(Math.abs(probed - probedGlobal - (lbl('micro') - lbl('global')))).toBeLessThan(1e-5);

      // λ_max of each run's objective at the same weights, from the same start: 12.46 (micro) and
      // 11.79 (global) here. Measured on one global batch, both runs gave the global value.
      const sharpness = (run: TrainingRun): number => {
        const result = run.sharpness(null, 40);
        const lambda = result.eigenvalue.dataSync()[0]!;
        tf.dispose([result.eigenvalue, ...result.vector]);
        return lambda;
      };
      const [m, g] = [sharpness(micro), sharpness(global)];
      expect(m).toBeGreaterThan(0);
      expect(Math.abs(m - g) / m).toBeGreaterThan(0.02);
    } finally {
      micro.dispose();
      global.dispose();
      data.dispose();
    }
  });
});
