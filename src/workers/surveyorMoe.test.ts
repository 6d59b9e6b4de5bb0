import { describe, expect, it } from 'vitest';
import { configClamp, configRuns, type ExperimentConfig } from '../engine/config';
import { tf } from '../engine/tf';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate, type TrainingData } from '../engine/trainingData';
import { landscapeLossOf, landscapePlanePoint, landscapeRandomPlane, landscapeUnflatten, type LandscapePlane } from '../engine/landscape';
import { moeDomainOf } from '../engine/moe/moeDomains';
import { moeReferenceForward, moeReferenceFullBatchLbl, moeReferenceSoftmax, moeReferenceZLoss } from '../engine/moe/moeReference';
import type { MoeShape } from '../engine/moe/moeModel';
import { regularizationPenaltyReference } from '../engine/regularization';
import { surveyEvaluator, type SurveyStrategy } from './surveyorEvaluator';
import { surveyorModelBuild, SurveyorSession } from './surveyorSession';
import type { SurveyorEvent } from './surveyorProtocol';

const base = {
  data: { kind: 'xor', points: 120, seed: 2 },
  model: { kind: 'moe', experts: 3, topK: 2, layers: 1, width: 4, activation: 'tanh' },
  training: { moe: { alpha: 0.2, zLoss: 0.01, microBatches: 2, microBatchSize: 8 } },
  seed: 4,
};

/** Trains `steps` steps and returns the run's weights and its total objective on the training set. */
function trained(config: ExperimentConfig, data: TrainingData, steps: number): { weights: Float32Array; total: number } {
  const run = new TrainingRun(config, data);
  try {
    for (let s = 0; s < steps; s++) {
      const result = run.trainStep();
      result.loss.dispose();
      result.telemetry?.dispose();
    }
    const weights = tf.tidy(() => run.weightsFlat()).dataSync() as Float32Array;
    const objective = run.fullObjective();
    const total = objective.dataSync()[0]!;
    objective.dispose();
    return { weights: Float32Array.from(weights), total };
  } finally {
    run.dispose();
  }
}

/**
 * The total objective in plain TypeScript, float64, from the formulas: cross-entropy of the
 * mixture's logits (and the z-reg add-on when on), α·LBL with each domain one micro-batch (or over all points), the router
 * z-loss, and the L2 penalty on every kernel.
 */
function referenceObjective(config: ExperimentConfig, data: TrainingData, shape: MoeShape, plane: LandscapePlane, alpha: number, beta: number): number {
  const layers = landscapePlanePoint(plane, alpha, beta);
  const x = data.train.x.arraySync() as number[][];
  const labels = data.train.labels;
  const points = x.map((row) => moeReferenceForward(layers, row, shape));
  const ce = points.reduce((sum, p, t) => sum - Math.log(moeReferenceSoftmax(p.logits)[labels[t]!]!), 0) / points.length;
  const domains = x.map(([x1, x2]) => moeDomainOf(x1!, x2!, config.data.domains));
  const { moe } = config.training;
  const lbl = moeReferenceFullBatchLbl(points.map((p) => p.probs), points.map((p) => p.mask), domains, shape.topK, moe.balance);
  const z = moeReferenceZLoss(points.map((p) => p.routerLogits));
  const zReg = config.loss.addons['z-reg']?.lambda ?? 0;
  const addon = points.reduce((sum, p) => sum + zReg * moeReferenceLogSumExp(p.logits) ** 2, 0) / points.length;
  const penalty = regularizationPenaltyReference(config.training.regularization, config.training.regularizationRate, layers.map((l) => l.w));
  return ce + addon + moe.alpha * lbl + moe.zLoss * z + penalty;
}

function moeReferenceLogSumExp(z: readonly number[]): number {
  const max = Math.max(...z);
  return max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
}

describe("a mixture of experts' loss landscape", () => {
  const cases = [
    { balance: 'micro', topK: 2, layers: 1, activation: 'tanh' },
    { balance: 'global', topK: 1, layers: 2, activation: 'relu' },
    { balance: 'micro', topK: 1, layers: 0, activation: 'tanh' },
  ] as const;
  for (const { balance, topK, layers, activation } of cases) {
    it(`${balance}-batch LBL, top-${topK}, ${layers} hidden: the centre is the trainer's total objective, a point off it the plain-TS objective there`, async () => {
      // The second case also has an add-on (z-reg), part of the task loss in training.
      const loss = balance === 'global' ? { id: 'ce', addons: { 'z-reg': { lambda: 0.005 } } } : { id: 'ce' };
      const model = { ...base.model, topK, layers, activation };
      const config = configClamp({ ...base, loss, model, training: { ...base.training, moe: { ...base.training.moe, balance }, regularization: 'l2', regularizationRate: 0.003 } }).config;
      const data = trainingDataCreate(config);
      try {
        const { weights, total } = trained(config, data, 40);
        const model = surveyorModelBuild(config, data, 0, 0);
        const plane = landscapeRandomPlane(landscapeUnflatten(weights, model.shapes), 7);
        const expected = [total, referenceObjective(config, data, model.objective.moe!.shape, plane, 0.3, -0.2), referenceObjective(config, data, model.objective.moe!.shape, plane, -0.15, 0.4)];
        const tensorsBefore = tf.memory().numTensors;
        for (const strategy of ['batched', 'perPoint', 'looped'] satisfies SurveyStrategy[]) {
          const evaluator = surveyEvaluator(model.objective, plane, strategy);
          try {
            const values = await evaluator.evaluate(Float32Array.of(0, 0.3, -0.15), Float32Array.of(0, -0.2, 0.4));
            values.forEach((v, k) => expect(Math.abs(v - expected[k]!), `${strategy}, point ${k}`).toBeLessThan(1e-5));
          } finally {
            evaluator.dispose();
          }
        }
        expect(tf.memory().numTensors).toBe(tensorsBefore);
      } finally {
        data.dispose();
      }
    });
  }

  it('differs between micro- and global-batch LBL at the same weights by α times the difference of the two LBLs', async () => {
    const config = configClamp({ ...base, compare: { runs: [{ training: { moe: { balance: 'global' } } }] } }).config;
    const data = trainingDataCreate(config);
    try {
      const { weights } = trained(config, data, 30);
      const models = [0, 1].map((run) => surveyorModelBuild(config, data, run, 0));
      const values = await Promise.all(
        models.map(async (model) => {
          const evaluator = surveyEvaluator(model.objective, landscapeRandomPlane(landscapeUnflatten(weights, model.shapes), 1), 'batched');
          try {
            return (await evaluator.evaluate([0], [0]))[0]!;
          } finally {
            evaluator.dispose();
          }
        }),
      );
      const shape = models[0]!.objective.moe!.shape;
      const x = data.train.x.arraySync() as number[][];
      const points = x.map((row) => moeReferenceForward(landscapeUnflatten(weights, models[0]!.shapes), row, shape));
      const domains = x.map(([x1, x2]) => moeDomainOf(x1!, x2!, config.data.domains));
      const [micro, global] = (['micro', 'global'] as const).map((scope) => moeReferenceFullBatchLbl(points.map((p) => p.probs), points.map((p) => p.mask), domains, shape.topK, scope));
      expect(Math.abs(micro! - global!)).toBeGreaterThan(1e-3);
      expect(Math.abs(values[0]! - values[1]! - config.training.moe.alpha * (micro! - global!))).toBeLessThan(1e-5);
    } finally {
      data.dispose();
    }
  });

  it('the surveyor draws each run of a comparison (micro vs global) with its path, centred on its own total objective, and the line between them', async () => {
    const config = configClamp({ ...base, compare: { runs: [{ training: { moe: { balance: 'global' } } }] } }).config;
    const data = trainingDataCreate(config);
    const events: SurveyorEvent[] = [];
    const session = new SurveyorSession((e) => events.push(e));
    session.configure(config, 1);
    const totals: number[] = [];
    try {
      for (const [run, runConfig] of configRuns(config).entries()) {
        const trainer = new TrainingRun(runConfig, data);
        try {
          for (let step = 0; step <= 30; step++) {
            if (step % 10 === 0) session.checkpoint(1, run, step, Float32Array.from(tf.tidy(() => trainer.weightsFlat()).dataSync()));
            if (step < 30) {
              const result = trainer.trainStep();
              result.loss.dispose();
              result.telemetry?.dispose();
            }
          }
          const objective = trainer.fullObjective();
          totals.push(objective.dataSync()[0]!);
          objective.dispose();
        } finally {
          trainer.dispose();
        }
      }
      for (const directions of ['random', 'pca'] as const) {
        events.length = 0;
        session.survey({ id: 1, directions, keepBias: false, range: 1, resolution: 9, preempt: true, runs: [0, 1] });
        await session.idle();
        expect(events.filter((e) => e.type === 'failed')).toEqual([]);
        for (const run of [0, 1]) {
          const last = events.flatMap((e) => (e.type === 'surface' && e.run === run ? [e] : [])).at(-1)!;
          expect(last).toMatchObject({ phase: 'full', done: true });
          expect(last.values.every(Number.isFinite)).toBe(true);
          const path = events.flatMap((e) => (e.type === 'path' && e.run === run ? [e.path] : []))[0]!;
          expect(Array.from(path.steps)).toEqual([0, 10, 20, 30]);
          // The path ends at the centre, where the true objective is the trainer's (and, on the
          // random plane's odd grid around it, a grid point: the surface's own value).
          expect(Math.abs(path.loss.at(-1)! - totals[run]!)).toBeLessThan(1e-5);
          if (directions === 'random') expect(Math.abs(path.surfaceLoss.at(-1)! - totals[run]!)).toBeLessThan(1e-5);
        }
      }
      // The 1-D view: the line from run A's weights to run B's, under run A's objective; its ends
      // are run A's total objective at each run's weights.
      events.length = 0;
      session.slice({ id: 2, from: { kind: 'current', run: 0 }, to: { kind: 'current', run: 1 }, points: 11, range: [-0.5, 1.5] });
      await session.idle();
      const slice = events.find((e) => e.type === 'slice');
      if (slice?.type !== 'slice') throw new Error(`no slice: ${JSON.stringify(events.find((e) => e.type === 'failed'))}`);
      expect(Math.abs(slice.slice.lossA - totals[0]!)).toBeLessThan(1e-5);
      expect(slice.slice.losses.every(Number.isFinite)).toBe(true);
      const bWeights = session.trajectory(1).at(-1)!.weights;
      const model = session.currentModel(0);
      const lossB = await landscapeLossOf(model.objective, landscapeUnflatten(bWeights, model.shapes));
      expect(Math.abs(slice.slice.lossB - lossB)).toBeLessThan(1e-5);
    } finally {
      session.dispose();
      data.dispose();
    }
  });
});
