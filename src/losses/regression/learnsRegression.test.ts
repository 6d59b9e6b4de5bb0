// End to end through the engine pieces a regression run will use: generated data, input features,
// the MLP, each regression loss and its prediction. Not yet the app's TrainingRun, which only
// classifies: this holds the losses to learning, not just to their formulas.
import { describe, expect, it } from 'vitest';
import { tf, type Tensor2D } from '../../engine/tf';
import { inputFeatureMatrix } from '../../engine/inputFeatures';
import { mlpForward, mlpInitWeights, mlpWeightTensors } from '../../engine/mlp';
import { regressionDataGenerate, type RegressionKind } from '../../engine/regressionData';
import { regressionSupport } from './bins';
import { REGRESSION_LOSSES, regressionLossParamsResolve } from './regressionLosses';
import type { RegressionLossSpec } from './types';

const STEPS = 300;

interface Fit {
  testMse: number;
  /** Test MSE of predicting the training targets' mean. */
  baselineMse: number;
}

function fit(loss: RegressionLossSpec, kind: RegressionKind, features: readonly string[]): Fit {
  const params = regressionLossParamsResolve(loss);
  const train = regressionDataGenerate({ kind, points: 200, noise: 0.1, seed: 1 });
  const test = regressionDataGenerate({ kind, points: 200, noise: 0.1, seed: 2 });
  const support = regressionSupport(train.y);
  const outputs = loss.outputs(params);
  const width = features.length;
  const init = mlpInitWeights({ inputs: width, hidden: [16, 16], outputs, activation: 'tanh' }, 3);
  const weights = mlpWeightTensors(init).map((t) => tf.variable(t));
  const optimizer = tf.train.adam(0.03);
  const xTrain = tf.tensor2d(inputFeatureMatrix(train.x, train.features, features), [200, width]);
  const xTest = tf.tensor2d(inputFeatureMatrix(test.x, test.features, features), [200, width]);
  const targets = tf.tensor2d(loss.encodeTargets(train.y, params, support), [200, outputs]);
  try {
    for (let step = 0; step < STEPS; step++) {
      optimizer.minimize(() => tf.mean(loss.compute(mlpForward(weights, xTrain, 'tanh'), targets, params)), false, weights);
    }
    const predictions = tf.tidy(() => loss.predict(mlpForward(weights, xTest, 'tanh') as Tensor2D, params, support).dataSync());
    const mean = train.y.reduce((a, b) => a + b, 0) / train.y.length;
    const mse = (predict: (i: number) => number): number => test.y.reduce((sum, y, i) => sum + (predict(i) - y) ** 2, 0) / test.y.length;
    return { testMse: mse((i) => predictions[i]!), baselineMse: mse(() => mean) };
  } finally {
    tf.dispose([...weights, xTrain, xTest, targets]);
    optimizer.dispose();
  }
}

describe.each(REGRESSION_LOSSES.map((loss) => [loss.id, loss] as const))('%s at its defaults', (_id, loss) => {
  // Measured ratios (test MSE over the mean's): 0.006–0.022 on the sine, 0.054–0.195 on the plane
  // (two-hot the highest); the bounds leave about a factor of two.
  it(`fits sin(πx) in ${STEPS} Adam steps to under 5 % of the test MSE of predicting the mean`, () => {
    const { testMse, baselineMse } = fit(loss, 'sine', ['x1']);
    expect(testMse).toBeLessThan(0.05 * baselineMse);
  });

  it(`fits the multi-Gaussian plane from x₁, x₂ and x₁x₂ in ${STEPS} steps to under 40 % of the test MSE of predicting the mean`, () => {
    const { testMse, baselineMse } = fit(loss, 'multi-gauss', ['x1', 'x2', 'x1x2']);
    expect(testMse).toBeLessThan(0.4 * baselineMse);
  });
});
