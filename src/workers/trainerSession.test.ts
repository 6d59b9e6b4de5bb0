import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { tf } from '../engine/tf';
import type { TrainerEvent, TrainingFrame } from './protocol';
import { TrainerSession } from './trainerSession';

function sessionWithEvents(): { session: TrainerSession; events: TrainerEvent[]; frames: () => TrainingFrame[] } {
  const events: TrainerEvent[] = [];
  const session = new TrainerSession((event) => events.push(event));
  const frames = (): TrainingFrame[] => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
  return { session, events, frames };
}

function framesOf(events: TrainerEvent[], run: number): TrainingFrame[] {
  return events.flatMap((e) => (e.type === 'frame' && e.run === run ? [e.frame] : []));
}

const small = configClamp({
  data: { kind: 'gauss', points: 100, noise: 0.2, seed: 3 },
  model: { layers: 1, width: 6, activation: 'tanh' },
  optimizer: { id: 'sgd', learningRate: 0.1 },
  metrics: { calibrationEvery: 25, sharpnessEvery: 40, telemetryEvery: 10, bins: 10 },
}).config;

describe('TrainerSession', () => {
  it('streams every step’s loss exactly once, in order', async () => {
    const { session, frames } = sessionWithEvents();
    session.configure(small, 1);
    await session.step(73);
    const steps = frames().flatMap((f) => Array.from(f.losses, (_, i) => f.firstStep + i));
    expect(steps).toEqual(Array.from({ length: 73 }, (_, i) => i + 1));
    expect(frames().at(-1)!.step).toBe(73);
  });

  it('ends a step request with a frame carrying the weights and boundary where it stopped', async () => {
    const { session, frames } = sessionWithEvents();
    session.configure(small, 1);
    await session.step(37);
    const last = frames().at(-1)!;
    expect(last.step).toBe(37);
    expect(last.weights).not.toBeNull();
    expect(last.boundary).not.toBeNull();
  });

  it('takes telemetry, calibration and sharpness at their cadences', async () => {
    const { session, frames } = sessionWithEvents();
    session.configure(small, 1);
    await session.step(80);
    await new Promise((r) => setTimeout(r, 50));
    const all = frames();
    expect(all.flatMap((f) => f.telemetry.map((t) => t.step))).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    const calibrations = all.flatMap((f) => (f.calibration ? [f.calibration] : []));
    expect(calibrations[0]!.step).toBe(0);
    expect(calibrations.length).toBeGreaterThanOrEqual(3);
    expect(calibrations.at(-1)!.before.bins).toHaveLength(10);
    const sharpness = all.flatMap((f) => f.sharpness);
    expect(sharpness.length).toBeGreaterThanOrEqual(2);
    for (const point of sharpness) {
      expect(point.eigenvalue).toBeGreaterThan(0);
      expect(point.threshold).toBeCloseTo(2 / 0.1, 6);
    }
    const t = all.flatMap((f) => f.telemetry).at(-1)!;
    expect(t.layerGradientNorms).toHaveLength(2);
    expect(t.distanceFromInit).toBeGreaterThan(0);
  });

  it('leaks no tensors over a thousand steps', async () => {
    const { session, frames } = sessionWithEvents();
    session.configure(small, 1);
    await session.step(1);
    const after1 = frames().at(-1)!.tensors;
    await session.step(1000);
    await new Promise((r) => setTimeout(r, 50));
    expect(frames().at(-1)!.tensors).toBe(after1);
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });

  it('stops a diverging run at the step it diverged and refuses to go on', async () => {
    const { session, events } = sessionWithEvents();
    session.configure({ ...small, loss: { id: 'mse', params: {}, addons: {} }, optimizer: { ...small.optimizer, learningRate: 100 } }, 2);
    await session.step(500);
    const diverged = events.find((e) => e.type === 'diverged');
    expect(diverged).toBeDefined();
    if (diverged?.type !== 'diverged') return;
    expect(diverged.step).toBeGreaterThan(0);
    expect(diverged.step).toBeLessThan(500);
    await session.play();
    expect(events.at(-1)).toMatchObject({ type: 'error' });
  });

  it('marks the points whose labels were flipped', () => {
    const { session, events } = sessionWithEvents();
    session.configure({ ...small, data: { ...small.data, labelNoise: 0.3 } }, 3);
    const data = events.find((e) => e.type === 'data');
    if (data?.type !== 'data') throw new Error('no data event');
    const flipped = data.points.flipped.reduce((a, b) => a + b, 0);
    const train = data.points.role.filter((r) => r === 0).length;
    expect(flipped).toBe(Math.round(0.3 * train));
    data.points.flipped.forEach((f, i) => {
      if (f) expect(data.points.role[i]).toBe(0);
    });
  });
});

describe('TrainerSession with compare runs', () => {
  const compare = (runs: unknown[]) => configClamp({ ...small, compare: { runs } }).config;

  it('starts every run from the same weights and steps them in lockstep', async () => {
    const { session, events } = sessionWithEvents();
    session.configure(compare([{ optimizer: { learningRate: 0.5 } }, { loss: { id: 'mae' } }]), 1);
    await session.step(40);
    const losses = [0, 1, 2].map((r) => framesOf(events, r).flatMap((f) => Array.from(f.losses)));
    for (const series of losses) expect(series).toHaveLength(40);
    // Same loss, same data, same initial weights: the first loss is identical, then the rates tell.
    expect(losses[1]![0]).toBe(losses[0]![0]);
    expect(losses[1]![39]).not.toBe(losses[0]![39]);
    expect(losses[2]![0]).not.toBe(losses[0]![0]);
  });

  it('stops a diverging run alone while the others go on', async () => {
    const { session, events } = sessionWithEvents();
    session.configure(compare([{ loss: { id: 'mse' }, optimizer: { learningRate: 100 } }]), 1);
    await session.step(300);
    const diverged = events.filter((e) => e.type === 'diverged');
    expect(diverged).toHaveLength(1);
    expect(diverged[0]).toMatchObject({ run: 1 });
    expect(framesOf(events, 0).at(-1)!.step).toBe(300);
    expect(framesOf(events, 1).at(-1)!.step).toBeLessThan(300);
  });

  it('streams the same losses with the runs batched, and a diverging run still stops alone', async () => {
    const config = compare([{ loss: { id: 'mse' }, optimizer: { learningRate: 100 } }, { loss: { id: 'mae' } }]);
    const streamed = async (strategy: 'looped' | 'batched'): Promise<{ losses: number[][]; events: TrainerEvent[] }> => {
      const { session, events } = sessionWithEvents();
      session.setStrategy(strategy);
      session.configure(config, 1);
      await session.step(120);
      return { losses: [0, 1, 2].map((r) => framesOf(events, r).flatMap((f) => Array.from(f.losses))), events };
    };
    const looped = await streamed('looped');
    const batched = await streamed('batched');
    const divergedAt = (events: TrainerEvent[]) => events.flatMap((e) => (e.type === 'diverged' ? [[e.run, e.step]] : []));
    expect(divergedAt(batched.events)).toEqual(divergedAt(looped.events));
    expect(divergedAt(looped.events)).toHaveLength(1);
    looped.losses.forEach((series, r) => {
      expect(batched.losses[r]).toHaveLength(series.length);
      series.forEach((v, i) => expect(Math.abs(batched.losses[r]![i]! - v), `run ${r} step ${i + 1}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(v))));
    });
    expect(looped.losses[0]).toHaveLength(120);
  });
});
