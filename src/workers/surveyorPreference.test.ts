import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from '../engine/config';
import { landscapePlanePoint, landscapeRandomPlane, landscapeUnflatten } from '../engine/landscape';
import { preferenceProblemCreate } from '../engine/preference/problem';
import { preferenceObjectiveReference } from '../engine/preference/preferenceReference';
import { PreferenceSession } from './preferenceSession';
import type { TrainingFrame } from './protocol';
import type { SurveyorEvent, SurveyRequest } from './surveyorProtocol';
import { SurveyorSession } from './surveyorSession';

type Surface = Extract<SurveyorEvent, { type: 'surface' }>;
type Path = Extract<SurveyorEvent, { type: 'path' }>;

/**
 * A preference session's frames handed to a surveyor as the main thread hands them (weights and
 * π_ref's parameters per frame), then surveyed: the centre of each run's surface must be the loss
 * the trainer reports at those weights, which is the loss of the step after them.
 */
async function trainAndSurvey(overrides: Record<string, unknown>, steps: number, request: Omit<SurveyRequest, 'id' | 'runs'>) {
  const { config } = configClamp({ task: 'preference', data: { points: 40, seed: 2 }, model: { layers: 1, width: 8, activation: 'tanh' }, preference: { responses: 4, warmupSteps: 20 }, optimizer: { id: 'adam', learningRate: 0.03 }, ...overrides });
  const runs = configRuns(config).length;
  const frames: { run: number; frame: TrainingFrame }[] = [];
  const events: SurveyorEvent[] = [];
  const surveyor = new SurveyorSession((event) => events.push(event));
  surveyor.configure(config, 1);
  const trainer = new PreferenceSession((event) => {
    if (event.type !== 'frame') return;
    frames.push({ run: event.run, frame: event.frame });
    const { weights, reference, step } = event.frame;
    if (weights) surveyor.checkpoint(event.revision, event.run, step, weights.slice(), reference?.slice());
  });
  trainer.configure(config, 1);
  await trainer.step(steps);
  const surveyed = Array.from({ length: runs }, (_, run) => run);
  surveyor.survey({ ...request, id: 1, runs: surveyed });
  await surveyor.idle();
  const trajectories = surveyed.map((run) => surveyor.trajectory(run).slice());
  // The loss the trainer reports for the next step is its objective at the surveyed weights.
  await trainer.step(1);
  const reported = surveyed.map((run) => frames.filter((f) => f.run === run).flatMap((f) => (f.frame.firstStep === steps + 1 ? [f.frame.losses[0]!] : []))[0]!);
  trainer.dispose();
  const problem = preferenceProblemCreate({ prompts: config.data.points, responses: config.preference.responses, labelNoise: config.preference.labelNoise, forgetFraction: config.preference.forgetFraction, seed: config.data.seed });
  return { config, frames, events, surveyor, reported, problem, trajectories };
}

function centreOf(surface: Surface): number {
  const r = surface.spec.resolution;
  return surface.values[((r - 1) / 2) * r + (r - 1) / 2]!;
}

describe('the surveyor on a preference run', () => {
  it('DPO vs RPO: each run has its surface of its own objective, centred on the trainer’s reported loss, with its path', async () => {
    const { config, frames, events, surveyor, reported, problem, trajectories } = await trainAndSurvey({ loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'rpo', params: { eta: 2 } } }] } }, 12, { directions: 'random', keepBias: false, range: 1, resolution: 11, preempt: true });
    expect(frames.every((f) => f.frame.weights !== null && f.frame.reference !== undefined)).toBe(true);
    const failed = events.find((e) => e.type === 'failed');
    expect(failed, failed?.type === 'failed' ? failed.message : '').toBeUndefined();
    for (const run of [0, 1]) {
      const surface = events.filter((e): e is Surface => e.type === 'surface' && e.run === run && e.done).at(-1)!;
      expect(surface.spec.resolution).toBe(11);
      const centre = centreOf(surface);
      expect(Math.abs(centre - reported[run]!), `run ${run}: ${centre} vs ${reported[run]}`).toBeLessThan(1e-5);
      // An off-centre grid point is the plain-TypeScript objective at the perturbed weights.
      const model = surveyor.currentModel(run);
      const trajectory = trajectories[run]!;
      const plane = landscapeRandomPlane(landscapeUnflatten(trajectory.at(-1)!.weights, model.shapes), config.seed);
      const [a0, a1] = surface.spec.alpha;
      const [b0, b1] = surface.spec.beta;
      const alpha = a0 + (2 / 10) * (a1 - a0);
      const beta = b0 + (7 / 10) * (b1 - b0);
      const reference = landscapeUnflatten(frames.find((f) => f.run === run)!.frame.reference!, model.shapes);
      const runConfig = configRuns(config)[run]!;
      const expected = preferenceObjectiveReference(runConfig, problem, landscapePlanePoint(plane, alpha, beta), reference);
      expect(Math.abs(surface.values[7 * 11 + 2]! - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
      const path = events.find((e): e is Path => e.type === 'path' && e.run === run)!.path;
      expect(Array.from(path.steps)).toEqual(trajectory.map((c) => c.step));
      expect(path.steps[0]).toBe(0);
      expect(path.loss.at(-1)!).toBeCloseTo(reported[run]!, 5);
    }
    // The runs' objectives differ (RPO adds η·SFT), so do their surfaces.
    const centres = [0, 1].map((run) => centreOf(events.filter((e): e is Surface => e.type === 'surface' && e.run === run && e.done).at(-1)!));
    expect(Math.abs(centres[0]! - centres[1]!)).toBeGreaterThan(1e-3);
  });

  it('IPO: the 1-D slice from the initial weights starts at the loss the trainer reported for its first step', async () => {
    const { config } = configClamp({ task: 'preference', loss: { id: 'ipo' }, data: { points: 30, seed: 5 }, model: { layers: 1, width: 6 }, preference: { responses: 3 } });
    const events: SurveyorEvent[] = [];
    const surveyor = new SurveyorSession((event) => events.push(event));
    surveyor.configure(config, 1);
    let first: number | null = null;
    const trainer = new PreferenceSession((event) => {
      if (event.type !== 'frame') return;
      if (event.frame.firstStep === 1 && event.frame.losses.length > 0) first = event.frame.losses[0]!;
      if (event.frame.weights) surveyor.checkpoint(event.revision, event.run, event.frame.step, event.frame.weights.slice(), event.frame.reference?.slice());
    });
    trainer.configure(config, 1);
    await trainer.step(10);
    surveyor.slice({ id: 1, from: { kind: 'initial' }, to: { kind: 'current' }, points: 5, range: [0, 1] });
    await surveyor.idle();
    const slice = events.find((e) => e.type === 'slice');
    if (slice?.type !== 'slice') throw new Error(`no slice: ${JSON.stringify(events.find((e) => e.type === 'failed'))}`);
    expect(Math.abs(slice.slice.lossA - first!)).toBeLessThan(1e-5 * Math.max(1, first!));
    expect(slice.slice.losses[0]).toBeCloseTo(slice.slice.lossA, 5);
    expect(slice.slice.lossB).toBeLessThan(slice.slice.lossA); // IPO went down along the way
    trainer.dispose();
  });

  it('NPO + retain on PCA directions of the path: the centre is the reported loss, the path lies on the plane', async () => {
    const { events, reported } = await trainAndSurvey({ loss: { id: 'npo-rt', params: { beta: 0.5, lambda: 2 } } }, 15, { directions: 'pca', keepBias: true, range: 1, resolution: 9, preempt: true });
    const failed = events.find((e) => e.type === 'failed');
    expect(failed, failed?.type === 'failed' ? failed.message : '').toBeUndefined();
    const start = events.find((e) => e.type === 'surveyStart');
    expect(start?.type === 'surveyStart' && start.plane.directions).toBe('pca');
    const surface = events.filter((e): e is Surface => e.type === 'surface' && e.done).at(-1)!;
    const path = events.find((e): e is Path => e.type === 'path')!.path;
    // PCA planes are centred on the current weights, which the grid covers but need not hit: the path's last point is there.
    expect(path.alpha.at(-1)).toBeCloseTo(0, 5);
    expect(path.distance.at(-1)).toBeCloseTo(0, 4);
    expect(Math.abs(path.loss.at(-1)! - reported[0]!)).toBeLessThan(1e-5);
    expect(surface.values.every(Number.isFinite)).toBe(true);
    expect(path.steps.length).toBeGreaterThan(2);
  });
});
