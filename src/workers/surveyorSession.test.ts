import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { mlpInitWeights } from '../engine/mlp';
import { rng } from '../engine/rng';
import { landscapeFlatten, landscapeGridLooped, landscapeGridSquare, landscapeRandomPlane, landscapeUnflatten } from '../engine/landscape';
import type { SurveyorEvent, SurveyRequest } from './surveyorProtocol';
import { SURVEYOR_CHECKPOINT_CAPACITY, SurveyorSession } from './surveyorSession';

const config = configClamp({
  data: { kind: 'gauss', points: 80, noise: 0.2, seed: 3 },
  model: { layers: 1, width: 6, activation: 'tanh' },
  seed: 5,
}).config;

/** A made-up path: the initial weights drifting along a fixed direction, with a little noise. */
function path(steps: number[]): Float32Array[] {
  const init = landscapeFlatten(mlpInitWeights({ inputs: 2, hidden: [6], outputs: 2, activation: 'tanh' }, config.seed));
  const random = rng(9);
  const drift = Float32Array.from(init, () => random.normal() * 0.3);
  return steps.map((s) => Float32Array.from(init, (w, p) => w + (s / 100) * drift[p]! + 0.02 * Math.sin(s + p)));
}

function session(): { s: SurveyorSession; events: SurveyorEvent[] } {
  const events: SurveyorEvent[] = [];
  const s = new SurveyorSession((event) => events.push(event));
  s.configure(config, 1);
  return { s, events };
}

const request: SurveyRequest = { id: 1, directions: 'random', keepBias: false, range: 1, resolution: 21, preempt: true, runs: [0] };

describe('SurveyorSession', () => {
  it('streams a preview, then the full grid, equal to the looped reference, then the path', async () => {
    const { s, events } = session();
    const steps = [0, 10, 20, 30];
    path(steps).forEach((w, i) => s.checkpoint(1, 0, steps[i]!, w));
    s.survey(request);
    await s.idle();
    const surfaces = events.flatMap((e) => (e.type === 'surface' ? [e] : []));
    expect(events[0]).toMatchObject({ type: 'surveyStart', id: 1, step: 30 });
    expect(surfaces[0]).toMatchObject({ phase: 'preview', spec: { resolution: 11 } });
    const last = surfaces.at(-1)!;
    expect(last).toMatchObject({ phase: 'full', done: true, progress: 1 });
    expect(surfaces.every((e) => e.values.every(Number.isFinite))).toBe(true);
    const model = s.currentModel();
    const plane = landscapeRandomPlane(landscapeUnflatten(s.trajectory().at(-1)!.weights, model.shapes), config.seed);
    const looped = await landscapeGridLooped(model.objective, plane, landscapeGridSquare(1, 21));
    last.values.forEach((v, k) => expect(v).toBeCloseTo(looped[k]!, 4));
    const pathEvent = events.find((e) => e.type === 'path');
    if (pathEvent?.type !== 'path') throw new Error('no path');
    expect(Array.from(pathEvent.path.steps)).toEqual(steps);
    // The current weights are the centre: on the plane, and the surface agrees with the true loss.
    expect(pathEvent.path.alpha.at(-1)).toBeCloseTo(0, 5);
    expect(pathEvent.path.distance.at(-1)).toBeCloseTo(0, 4);
    expect(pathEvent.path.surfaceLoss.at(-1)).toBeCloseTo(pathEvent.path.loss.at(-1)!, 4);
    expect(pathEvent.path.distance[0]).toBeGreaterThan(0);
  });

  it('a live surface has no preview, runs with the chosen strategy, and reuses the path losses it knows', async () => {
    const { s, events } = session();
    const steps = [0, 10, 20];
    const weights = path([0, 10, 20, 30]);
    steps.forEach((step, i) => s.checkpoint(1, 0, step, weights[i]!));
    s.setStrategy('looped');
    s.survey({ ...request, live: true, preempt: false, resolution: 13 });
    await s.idle();
    const surfaces = events.flatMap((e) => (e.type === 'surface' ? [e] : []));
    expect(surfaces.every((e) => e.phase === 'full')).toBe(true);
    expect(surfaces.at(-1)).toMatchObject({ done: true, spec: { resolution: 13 } });
    const model = s.currentModel();
    const plane = landscapeRandomPlane(landscapeUnflatten(weights[2]!, model.shapes), config.seed);
    expect(Array.from(surfaces.at(-1)!.values)).toEqual(Array.from(await landscapeGridLooped(model.objective, plane, landscapeGridSquare(1, 13))));
    // The next surface adds a checkpoint; the known ones' losses are the same, the new one's computed.
    s.checkpoint(1, 0, 30, weights[3]!);
    s.survey({ ...request, id: 2, live: true, preempt: false, resolution: 13 });
    await s.idle();
    const paths = events.flatMap((e) => (e.type === 'path' ? [e.path] : []));
    expect(paths).toHaveLength(2);
    expect(Array.from(paths[1]!.loss.subarray(0, 3))).toEqual(Array.from(paths[0]!.loss));
    const fresh = session();
    [0, 10, 20, 30].forEach((step, i) => fresh.s.checkpoint(1, 0, step, weights[i]!));
    fresh.s.survey({ ...request, resolution: 11 });
    await fresh.s.idle();
    const truth = fresh.events.flatMap((e) => (e.type === 'path' ? [e.path] : []))[0]!;
    Array.from(truth.loss).forEach((l, k) => expect(paths[1]!.loss[k]).toBeCloseTo(l, 6));
  });

  it('abandons a surface for a preempting request, and queues one that does not preempt', async () => {
    const { s, events } = session();
    path([0, 5]).forEach((w, i) => s.checkpoint(1, 0, i * 5, w));
    const done = (id: number) => events.some((e) => e.type === 'surface' && e.id === id && e.done);
    s.survey({ ...request, id: 1, resolution: 41 });
    s.survey({ ...request, id: 2, preempt: false });
    await s.idle();
    expect(done(1)).toBe(true);
    expect(done(2)).toBe(true);
    // The first job starts at once (up to its first await); the second preempts it there.
    s.survey({ ...request, id: 3, resolution: 41 });
    s.survey({ ...request, id: 4 });
    await s.idle();
    expect(done(3)).toBe(false);
    expect(done(4)).toBe(true);
    expect(events.filter((e) => e.type === 'failed')).toEqual([]);
  });

  it('keeps a bounded, even trajectory and starts afresh on a reset or a new config', () => {
    const { s } = session();
    const w = path([0])[0]!;
    for (let step = 0; step <= 1000; step++) s.checkpoint(1, 0, step, w);
    const kept = s.trajectory();
    expect(kept.length).toBeLessThanOrEqual(SURVEYOR_CHECKPOINT_CAPACITY);
    expect(kept[0]!.step).toBe(0);
    expect(kept.at(-1)!.step).toBe(1000);
    s.checkpoint(0, 0, 5, w); // an older revision is ignored
    expect(s.trajectory().at(-1)!.step).toBe(1000);
    s.checkpoint(1, 0, 3, w); // a lower step: the run was reset
    expect(s.trajectory().map((c) => c.step)).toEqual([3]);
    s.configure(config, 2);
    expect(s.trajectory()).toHaveLength(0);
  });

  it('builds PCA and three-solution planes from the path, and refuses them without one', async () => {
    const { s, events } = session();
    s.checkpoint(1, 0, 0, path([0])[0]!);
    s.survey({ ...request, directions: 'pca' });
    await s.idle();
    expect(events.at(-1)).toMatchObject({ type: 'failed', message: expect.stringMatching(/train a few steps/) });
    const steps = [0, 10, 20, 30, 40];
    path(steps).forEach((w, i) => s.checkpoint(1, 0, steps[i]!, w));
    for (const directions of ['pca', 'solutions'] as const) {
      events.length = 0;
      s.survey({ ...request, directions, resolution: 11 });
      await s.idle();
      const start = events.find((e) => e.type === 'surveyStart');
      if (start?.type !== 'surveyStart') throw new Error('no start');
      if (directions === 'pca') {
        const [v1, v2] = start.plane.explainedVariance!;
        expect(v1).toBeGreaterThan(0.9);
        expect(v1 + v2).toBeLessThanOrEqual(1 + 1e-9);
      } else {
        expect(start.plane.solutions!.steps).toEqual([0, 20, 40]);
      }
      const pathEvent = events.find((e) => e.type === 'path');
      if (pathEvent?.type !== 'path') throw new Error('no path');
      // The path lies (nearly) in both planes: small distances, and every point on the grid.
      pathEvent.path.surfaceLoss.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    }
  });

  it('slices from the initial to the current weights, or between any two weight vectors', async () => {
    const { s, events } = session();
    const [a, b] = path([0, 100]);
    s.checkpoint(1, 0, 0, a!);
    s.checkpoint(1, 0, 100, b!);
    s.slice({ id: 7, from: { kind: 'initial' }, to: { kind: 'current' }, points: 21, range: [-0.5, 1.5] });
    await s.idle();
    const slice = events.find((e) => e.type === 'slice');
    if (slice?.type !== 'slice') throw new Error('no slice');
    expect(slice.slice.alphas).toHaveLength(21);
    expect(slice.slice.steps).toEqual([0, 100]);
    expect(slice.slice.barrier.height).toBeGreaterThanOrEqual(0);
    events.length = 0;
    s.slice({ id: 8, from: { kind: 'weights', weights: b!, label: 'run B' }, to: { kind: 'weights', weights: a!, label: 'run A' }, points: 21, range: [-0.5, 1.5] });
    await s.idle();
    const reversed = events.find((e) => e.type === 'slice');
    if (reversed?.type !== 'slice') throw new Error('no slice');
    expect(reversed.slice.labels).toEqual(['run B', 'run A']);
    expect(reversed.slice.lossA).toBeCloseTo(slice.slice.lossB, 5);
  });

  it('surveys several runs with the same seeded directions, every preview first, each with its own loss and path', async () => {
    const compare = configClamp({ ...config, compare: { runs: [{ loss: { id: 'mae', params: {} } }] } }).config;
    expect(compare.compare.runs).toHaveLength(1);
    const events: SurveyorEvent[] = [];
    const s = new SurveyorSession((event) => events.push(event));
    s.configure(compare, 1);
    const steps = [0, 10, 20];
    const a = path(steps);
    const b = a.map((w) => Float32Array.from(w, (v, p) => v + 0.05 * Math.cos(p)));
    steps.forEach((step, i) => {
      s.checkpoint(1, 0, step, a[i]!);
      s.checkpoint(1, 1, step, b[i]!);
    });
    s.survey({ ...request, runs: [0, 1] });
    await s.idle();
    const surfaces = events.flatMap((e) => (e.type === 'surface' ? [e] : []));
    expect(surfaces.slice(0, 2).map((e) => [e.run, e.phase])).toEqual([[0, 'preview'], [1, 'preview']]);
    for (const run of [0, 1]) {
      const last = surfaces.filter((e) => e.run === run).at(-1)!;
      expect(last).toMatchObject({ done: true, phase: 'full' });
      // Run B's surface: its own loss, around its own weights, along the same seed's directions.
      const model = s.currentModel(run);
      expect(model.objective.loss.id).toBe(run === 0 ? 'ce' : 'mae');
      const plane = landscapeRandomPlane(landscapeUnflatten(s.trajectory(run).at(-1)!.weights, model.shapes), compare.seed);
      const looped = await landscapeGridLooped(model.objective, plane, landscapeGridSquare(1, 21));
      last.values.forEach((v, k) => expect(v).toBeCloseTo(looped[k]!, 4));
      expect(events.some((e) => e.type === 'path' && e.run === run)).toBe(true);
    }
    events.length = 0;
    s.slice({ id: 9, from: { kind: 'current', run: 0 }, to: { kind: 'current', run: 1 }, points: 21, range: [-0.5, 1.5] });
    await s.idle();
    const slice = events.find((e) => e.type === 'slice');
    if (slice?.type !== 'slice') throw new Error('no slice');
    expect(slice.slice.labels).toEqual(['run A', 'run B']);
    expect(slice.slice.barrier.height).toBeGreaterThanOrEqual(0);
  });
});
