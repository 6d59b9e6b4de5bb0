import { describe, expect, it } from 'vitest';
import { configClamp, configRuns, type ExperimentConfig } from './config';
import { TrainingRun } from './trainingRun';
import { trainingDataCreate } from './trainingData';
import { regressionErrors } from './metrics/regressionMetrics';

/** validate() beside the full evaluation and the plain-TypeScript errors, after `steps` steps of each run of `config`. */
function compare(config: ExperimentConfig, steps: number): { validate: number[]; loss: number; accuracy: number; mse: number }[] {
  const data = trainingDataCreate(config, null);
  const out = configRuns(config).map((runConfig) => {
    const run = new TrainingRun(runConfig, data);
    for (let i = 0; i < steps; i++) run.trainStep().loss.dispose();
    const v = run.validate();
    const validate = Array.from(v.dataSync());
    v.dispose();
    const evaluation = run.evaluate();
    const loss = evaluation.validationLoss.dataSync()[0]!;
    const accuracy = evaluation.validationAccuracy.dataSync()[0]!;
    for (const t of Object.values(evaluation)) t.dispose();
    let mse = NaN;
    if (data.regression) {
      const predicted = run.regressionPredictions('validation');
      mse = regressionErrors(predicted.dataSync(), data.regression.validation).mse;
      predicted.dispose();
    }
    run.dispose();
    return { validate, loss, accuracy, mse };
  });
  data.dispose();
  return out;
}

describe('TrainingRun.validate: the validation curves\' numbers in one pass', () => {
  it('equals the full evaluation of a classifier, add-ons included (loss, accuracy; no MSE)', () => {
    const config = configClamp({
      data: { kind: 'spiral', points: 150, seed: 4 },
      model: { layers: 1, width: 8 },
      loss: { id: 'focal' },
      compare: { runs: [{ loss: { id: 'ce' }, training: { regularization: 'l2' } }] },
    }).config;
    for (const r of compare(config, 20)) {
      expect(r.validate[0]).toBeCloseTo(r.loss, 5);
      expect(r.validate[1]).toBeCloseTo(r.accuracy, 6);
      expect(r.validate[2]).toBeNaN();
    }
  });

  it('gives a regression its validation MSE as the plain errors do (point and histogram losses), and no accuracy', () => {
    const config = configClamp({
      task: 'regression',
      data: { kind: 'sine', points: 120, noise: 0.1, seed: 2 },
      model: { layers: 1, width: 8, activation: 'tanh' },
      loss: { id: 'mse' },
      compare: { runs: [{ loss: { id: 'hl-gauss', params: { bins: 24 } } }] },
    }).config;
    for (const r of compare(config, 15)) {
      expect(r.validate[0]).toBeCloseTo(r.loss, 5);
      expect(r.validate[1]).toBeNaN();
      expect(r.validate[2]).toBeCloseTo(r.mse, 5);
    }
  });

  it('gives a mixture of experts its whole validation objective (with the balancing terms)', () => {
    const config = configClamp({
      data: { kind: 'xor', points: 120, seed: 2 },
      model: { kind: 'moe', experts: 3, topK: 2, layers: 1, width: 4 },
      training: { moe: { alpha: 0.1, zLoss: 0.001, microBatches: 2, microBatchSize: 8 } },
    }).config;
    for (const r of compare(config, 10)) {
      expect(r.validate[0]).toBeCloseTo(r.loss, 5);
      expect(r.validate[1]).toBeCloseTo(r.accuracy, 6);
    }
  });
});
