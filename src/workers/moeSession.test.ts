import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { tf } from '../engine/tf';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate } from '../engine/trainingData';
import { moeDomainOf } from '../engine/moe/moeDomains';
import type { TrainerEvent, TrainingFrame } from './protocol';
import { TrainerSession } from './trainerSession';

const moe = configClamp({
  data: { kind: 'xor', points: 120, seed: 2 },
  model: { kind: 'moe', experts: 3, topK: 2, layers: 1, width: 4 },
  training: { moe: { alpha: 0.1, zLoss: 0.001, microBatches: 2, microBatchSize: 8 } },
  metrics: { calibrationEvery: 10, sharpnessEvery: 15, telemetryEvery: 5, bins: 10 },
  compare: { runs: [{ training: { moe: { balance: 'global' } } }] },
}).config;

describe('a mixture of experts in the trainer', () => {
  it('streams its routing with the boundary: loads, scores and territories, for both scopes', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(moe, 1);
    await session.step(30);
    await new Promise((r) => setTimeout(r, 30));
    for (const run of [0, 1]) {
      const frames = events.flatMap((e) => (e.type === 'frame' && e.run === run ? [e.frame] : [])) as TrainingFrame[];
      const last = frames.at(-1)!;
      expect(last.step).toBe(30);
      const routing = last.moe!;
      expect(routing.step).toBe(30);
      expect(routing.experts).toBe(3);
      expect(routing.territories).toHaveLength(routing.resolution ** 2);
      expect(Math.max(...routing.territories)).toBeLessThan(3);
      expect(routing.stats.load.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(routing.stats.routerEntropy).toBeGreaterThan(0);
      expect(routing.stats.routerEntropy).toBeLessThanOrEqual(Math.log2(3) + 1e-6);
      // Every probe ran on the mixture's objective; gradient telemetry (per MLP layer) does not apply.
      expect(frames.some((f) => f.calibration)).toBe(true);
      expect(frames.flatMap((f) => f.sharpness).every((p) => Number.isFinite(p.eigenvalue))).toBe(true);
      expect(frames.flatMap((f) => f.telemetry)).toEqual([]);
      expect(frames.flatMap((f) => Array.from(f.losses)).every(Number.isFinite)).toBe(true);
    }
    session.pause();
  });

  it('steps without leaking tensors, and a restored run sees the micro-batches it would have seen', () => {
    const data = trainingDataCreate(moe);
    const a = new TrainingRun(moe, data);
    const b = new TrainingRun(moe, data);
    for (let s = 0; s < 5; s++) a.trainStep().loss.dispose();
    const before = tf.memory().numTensors;
    a.trainStep().loss.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const weights = a.weightsFlat();
    b.restore(weights.dataSync() as Float32Array, a.steps);
    weights.dispose();
    const [la, lb] = [a.trainStep().loss, b.trainStep().loss];
    expect(lb.dataSync()[0]).toBeCloseTo(la.dataSync()[0]!, 5);
    tf.dispose([la, lb]);
    a.dispose();
    b.dispose();
    data.dispose();
  });

  it('puts the training points of each domain where their sector is', () => {
    const data = trainingDataCreate(moe);
    const run = new TrainingRun(moe, data);
    const x = data.train.x.dataSync();
    run.moe!.trainDomains.forEach((d, i) => expect(d).toBe(moeDomainOf(x[2 * i]!, x[2 * i + 1]!, 4)));
    run.dispose();
    data.dispose();
  });
});
