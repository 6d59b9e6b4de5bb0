// The Playground's settings wired into training: input features in the model's input and the
// boundary grid, the train fraction in the split, and the L1/L2 penalty in the objective (its
// gradient checked against the hand-derived rate·w and rate·sign(w) on one SGD step).
import { describe, expect, it } from 'vitest';
import { configClamp, type ExperimentConfig } from './config';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';
import { inputFeaturesFor, INPUT_FEATURE_INFO } from './inputFeatures';
import { regularizationPenaltyReference } from './regularization';
import { planeGridInputs } from './projection';
import { landscapeLossOf } from './landscape/evaluate';
import { landscapeUnflatten } from './landscape/params';
import { lossById } from '../losses/registry';
import { tf } from './tf';

function config(overrides: Record<string, unknown>): ExperimentConfig {
  const { config: c, changes } = configClamp(overrides);
  expect(changes).toEqual([]);
  return c;
}

describe('input features', () => {
  it('keep the features the data can compute; data of more columns trains on its columns', () => {
    expect(inputFeaturesFor(['x2', 'x1sq', 'x1'], 2)).toEqual(['x1', 'x2', 'x1sq']);
    expect(inputFeaturesFor(['x2', 'x1sq', 'sinx2'], 1)).toEqual(['x1sq']);
    expect(inputFeaturesFor(['x2'], 1)).toEqual(['x1']);
    expect(inputFeaturesFor(['x1', 'x2'], 4)).toBeNull();
  });

  it('are what the model sees, for the training points and the boundary grid', () => {
    const features = ['x1sq', 'x1x2', 'sinx2'];
    const data = trainingDataCreate(config({ data: { kind: 'gauss', points: 60 }, model: { features } }));
    expect(data.inputs).toBe(3);
    const x = data.train.x.arraySync();
    data.split.train.forEach((row, i) => {
      const [x1, x2] = [data.dataset.x[2 * row]!, data.dataset.x[2 * row + 1]!];
      expect(x[i]![0]).toBeCloseTo(x1 * x1, 5);
      expect(x[i]![1]).toBeCloseTo(x1 * x2, 5);
      expect(x[i]![2]).toBeCloseTo(Math.sin(x2), 5);
    });
    // The boundary's grid goes through the same features: the run's logits at a grid point are
    // those of a one-point batch of its features.
    const run = new TrainingRun(config({ data: { kind: 'gauss', points: 60 }, model: { features } }), data);
    const grid = planeGridInputs(data.plane, 4);
    const probabilities = run.predictGrid(4).arraySync();
    const [g1, g2] = [grid[10]!, grid[11]!];
    const one = run.logits(tf.tensor2d([[INPUT_FEATURE_INFO.x1sq.value(g1, g2), INPUT_FEATURE_INFO.x1x2.value(g1, g2), INPUT_FEATURE_INFO.sinx2.value(g1, g2)]]));
    const z = one.arraySync()[0]!;
    const softmax = z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
    softmax.forEach((p, k) => expect(probabilities[5]![k]).toBeCloseTo(p, 5));
    one.dispose();
    run.dispose();
    data.dispose();
  });
});

describe('train fraction', () => {
  it('sets the training share; validation and test split the rest evenly', () => {
    const data = trainingDataCreate(config({ data: { kind: 'circle', points: 400, trainFraction: 0.8 } }));
    expect([data.split.train.length, data.split.validation.length, data.split.test.length]).toEqual([320, 40, 40]);
    data.dispose();
    const standard = trainingDataCreate(config({ data: { kind: 'circle', points: 400 } }));
    expect([standard.split.train.length, standard.split.validation.length, standard.split.test.length]).toEqual([240, 80, 80]);
    standard.dispose();
  });
});

describe('L1 and L2 in the objective', () => {
  const base = { data: { kind: 'moons', points: 80 }, model: { layers: 1, width: 4 }, optimizer: { id: 'sgd', learningRate: 0.5 } };

  function oneStep(regularization: string, rate: number) {
    const c = config({ ...base, training: { regularization, regularizationRate: rate } });
    const data = trainingDataCreate(c);
    const run = new TrainingRun(c, data);
    const before = run.weightsFlat().dataSync().slice() as Float32Array;
    const penalty = run.penalty().dataSync()[0]!;
    const result = run.trainStep();
    const loss = result.loss.dataSync()[0]!;
    result.loss.dispose();
    const after = run.weightsFlat().dataSync().slice() as Float32Array;
    const layers = landscapeUnflatten(before, [{ inputs: 2, outputs: 4 }, { inputs: 4, outputs: 2 }]);
    run.dispose();
    data.dispose();
    return { before, after, loss, penalty, layers };
  }

  it.each([
    ['l2', 0.3, (w: number) => w],
    ['l1', 0.3, (w: number) => Math.sign(w)],
  ] as const)('%s at rate %f adds rate·∂ to each kernel weight’s gradient and nothing to the biases', (kind, rate, derivative) => {
    const plain = oneStep('none', 0);
    const penalised = oneStep(kind, rate);
    // The same starting weights; the step's difference is −η·rate·∂penalty/∂w on kernels only.
    expect(Array.from(penalised.before)).toEqual(Array.from(plain.before));
    const kernels = new Set<number>();
    let offset = 0;
    for (const layer of plain.layers) {
      for (let i = 0; i < layer.w.length; i++) kernels.add(offset + i);
      offset += layer.w.length + layer.b.length;
    }
    plain.before.forEach((w, i) => {
      const want = kernels.has(i) ? -0.5 * rate * derivative(w) : 0;
      expect(penalised.after[i]! - plain.after[i]!).toBeCloseTo(want, 5);
    });
    // The reported loss is the data term; the penalty is reported beside it.
    expect(penalised.loss).toBeCloseTo(plain.loss, 6);
    expect(penalised.penalty).toBeCloseTo(regularizationPenaltyReference(kind, rate, plain.layers.map((l) => l.w)), 5);
    expect(plain.penalty).toBe(0);
  });

  it('the landscape measures the whole objective: the loss plus the penalty', async () => {
    const c = config({ ...base, training: { regularization: 'l2', regularizationRate: 0.2 } });
    const data = trainingDataCreate(c);
    const run = new TrainingRun(c, data);
    const layers = landscapeUnflatten(run.weightsFlat().dataSync(), [{ inputs: 2, outputs: 4 }, { inputs: 4, outputs: 2 }]);
    const objective = { activation: c.model.activation, x: data.train.x, targets: data.train.targets, loss: lossById('ce'), params: {}, context: { classes: 2, classPriors: data.classPriors, step: 0, seed: 1 } };
    const loss = await landscapeLossOf(objective, layers);
    const total = await landscapeLossOf({ ...objective, penalty: { kind: 'l2', rate: 0.2 } }, layers);
    expect(total - loss).toBeCloseTo(regularizationPenaltyReference('l2', 0.2, layers.map((l) => l.w)), 5);
    run.dispose();
    data.dispose();
  });
});

describe('the network view’s numbers', () => {
  it('gives each layer’s activations over the grid, the output as probabilities, and edits one weight', () => {
    const c = config({ data: { kind: 'xor', points: 40 }, model: { layers: 2, width: 3 } });
    const data = trainingDataCreate(c);
    const run = new TrainingRun(c, data);
    const layers = run.layerActivations(5);
    expect(layers.map((t) => t.shape)).toEqual([[25, 2], [25, 3], [25, 3], [25, 2]]);
    const [input, hidden] = [layers[0]!.arraySync(), layers[1]!.arraySync()];
    const flat = run.weightsFlat().dataSync();
    // Neuron 1 of the first layer at grid point 7: tanh(x·W[:, 1] + b[1]) by hand (W row-major 2 × 3, b after it).
    const z = input[7]![0]! * flat[1]! + input[7]![1]! * flat[4]! + flat[6 + 1]!;
    expect(hidden[7]![1]).toBeCloseTo(Math.tanh(z), 5);
    const output = layers[3]!.arraySync();
    const grid = run.predictGrid(5).arraySync();
    output.forEach((row, i) => row.forEach((p, k) => expect(p).toBeCloseTo(grid[i]![k]!, 5)));
    layers.forEach((t) => t.dispose());
    run.setWeight(4, 1.25);
    expect(run.weightsFlat().dataSync()[4]).toBe(1.25);
    expect(() => run.setWeight(10_000, 1)).toThrow(/no weight 10000/);
    run.dispose();
    data.dispose();
  });
});
