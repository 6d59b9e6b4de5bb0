import { describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { configClamp } from '../engine/config';
import { mlpInitWeights } from '../engine/mlp';
import { trainingDataCreate } from '../engine/trainingData';
import { landscapeGridLooped, landscapeGridSquare, landscapeRandomPlane, landscapeGrid } from '../engine/landscape';
import { surveyTrial, trainingStrategies, trainingTrial, trainingWork } from './backendTrials';
import { SURVEY_STRATEGIES, surveyEvaluator } from './surveyorEvaluator';
import { surveyorModelBuild } from './surveyorSession';
import { benchSurface } from './surveyorBench';

const config = configClamp({
  data: { kind: 'circle', points: 100, noise: 0.1, seed: 2 },
  model: { layers: 1, width: 6, activation: 'relu' },
  compare: { runs: [{ loss: { id: 'mae' } }] },
  seed: 3,
}).config;

describe('trainingTrial', () => {
  it('times real steps of every run of the config and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    for (const strategy of ['looped', 'batched'] as const) {
      const rate = await trainingTrial(config, null, 60, undefined, strategy);
      expect(rate, strategy).toBeGreaterThan(1);
      expect(Number.isFinite(rate)).toBe(true);
      expect(tf.memory().numTensors, strategy).toBe(before);
    }
  });

  it('times batching only for compare runs of one MLP and one batch size', () => {
    expect(trainingStrategies(config, 60)).toEqual(['looped', 'batched']);
    expect(trainingStrategies({ ...config, compare: { runs: [] } }, 60)).toEqual(['looped']);
    const otherBatch = configClamp({ ...config, compare: { runs: [{ optimizer: { id: 'sgd', learningRate: 0.1, batchSize: 16 } }] } }).config;
    expect(trainingStrategies(otherBatch, 60)).toEqual(['looped']);
    // A batch size above the training set is the whole set, as the full batch is.
    const wholeSet = configClamp({ ...config, compare: { runs: [{ optimizer: { id: 'sgd', learningRate: 0.1, batchSize: 500 } }] } }).config;
    expect(trainingStrategies(wholeSet, 60)).toEqual(['looped', 'batched']);
    expect(trainingStrategies({ ...config, model: { ...config.model, kind: 'moe' } }, 60)).toEqual(['looped']);
  });

  it('counts the work of a step over the batch and every run', () => {
    // 60 training points, 2-6-2, two runs: 60 · (12 + 12) · 2.
    expect(trainingWork(config, 60, 2, 2)).toBe(60 * 24 * 2);
    expect(trainingWork({ ...config, optimizer: { ...config.optimizer, batchSize: 16 } }, 60, 2, 2)).toBe(16 * 24 * 2);
  });
});

describe('surveyTrial and the looped strategy', () => {
  it('times every strategy, keeps failures apart, and leaves no tensor behind', async () => {
    const data = trainingDataCreate(config, null);
    try {
      const model = surveyorModelBuild(config, data, 0, 1);
      const center = mlpInitWeights({ inputs: 2, hidden: [6], outputs: 2, activation: 'relu' }, 3);
      const before = tf.memory().numTensors;
      const timings = await surveyTrial(model.objective, center, SURVEY_STRATEGIES, 80, 11);
      expect(timings.map((t) => t.strategy)).toEqual(['looped', 'batched', 'stacked2d', 'perPoint']);
      for (const t of timings) expect(t.rate).toBeGreaterThan(0);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      data.dispose();
    }
  });

  it('evaluates a grid exactly like the looped reference, and benchSurface times it', async () => {
    const data = trainingDataCreate(config, null);
    try {
      const model = surveyorModelBuild(config, data, 1, 1);
      const center = mlpInitWeights({ inputs: 2, hidden: [6], outputs: 2, activation: 'relu' }, 3);
      const plane = landscapeRandomPlane(center, 4);
      const spec = landscapeGridSquare(1, 7);
      const evaluator = surveyEvaluator(model.objective, plane, 'looped');
      const values = await landscapeGrid(evaluator, spec);
      evaluator.dispose();
      expect(Array.from(values)).toEqual(Array.from(await landscapeGridLooped(model.objective, plane, spec)));
      await expect(landscapeGrid(evaluator, spec)).rejects.toThrow(/after dispose/);
      const before = tf.memory().numTensors;
      const weights = Float32Array.from(center.flatMap((l) => [...l.w, ...l.b]));
      const timing = await benchSurface(model, weights, 9, 'default', 'looped');
      expect(timing).toMatchObject({ strategy: 'looped', points: 81, examples: 60 });
      expect(timing.ms).toBeGreaterThan(0);
      expect((await benchSurface(model, weights, 9, 'stacked2d')).strategy).toBe('stacked2d');
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      data.dispose();
    }
  });
});
