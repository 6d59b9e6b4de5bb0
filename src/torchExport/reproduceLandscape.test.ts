// landscape.py draws a mixture of experts' and a preference run's surface as the app draws it:
// each case is exported, trained and surveyed by PyTorch under torchrun (two processes, the grid's
// rows split between them), and the engine, given the weights at the surface's centre, computes
// the run's objective there (the trainer's) and at one point off the centre (the landscape's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { configFromSearch } from '../app/urlCodec';
import type { ExperimentConfig } from '../engine/config';
import { landscapeFlatten, landscapeRandomPlane, landscapeUnflatten, type LandscapeObjective, type LayerShape } from '../engine/landscape';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate } from '../engine/trainingData';
import { preferenceProblemCreate } from '../engine/preference/problem';
import { PreferenceRun } from '../engine/preference/preferenceRun';
import { preferenceStartWeights } from '../engine/preference/preferenceStart';
import { preferenceTensorsCreate, preferenceTensorsDispose } from '../engine/preference/preferenceTensors';
import { PreferenceSurvey } from '../workers/surveyorPreference';
import { surveyEvaluator } from '../workers/surveyorEvaluator';
import { surveyorModelBuild } from '../workers/surveyorSession';
import { torchProjectFiles } from './projectFiles';
import { findTorchPython } from './torchPython';

const python = findTorchPython();
const STEPS = 30;
const RESOLUTION = 5;
const mid = (RESOLUTION - 1) / 2;

interface SurfaceFile {
  alpha: [number, number];
  beta: [number, number];
  losses: number[][];
  center: number[];
  processes: number;
}

/** The export of `config` run as `torchrun --nproc_per_node=2 landscape.py …`; its surface.json. */
function torchSurface(config: ExperimentConfig, extra: string[] = []): SurfaceFile {
  const folder = mkdtempSync(join(tmpdir(), 'losscape-landscape-'));
  try {
    for (const file of torchProjectFiles(config)) writeFileSync(join(folder, file.path), file.content);
    // Debian's torch 1.13 on Python 3.11 needs --redirects/--tee set (see reproduce.test.ts).
    const args = ['-m', 'torch.distributed.run', '--nproc_per_node=2', '--redirects', '1', '--tee', '1', 'landscape.py', '--steps', String(STEPS), '--resolution', String(RESOLUTION), '--out', 'surface.json', ...extra];
    const run = spawnSync(python.path!, args, { cwd: folder, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
    return JSON.parse(readFileSync(join(folder, 'surface.json'), 'utf8')) as SurfaceFile;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The grid's k-th coordinate of `range`, as landscape.py's grid_axis makes it (float32). */
const axis = ([lo, hi]: [number, number], k: number): number => Math.fround(lo + ((hi - lo) * k) / (RESOLUTION - 1));

/**
 * The engine's landscape at the surface's centre and at grid point (row 1, column 3), on the
 * random plane through PyTorch's centre weights, against the surface's values there.
 */
async function engineAgainst(surface: SurfaceFile, objective: LandscapeObjective, shapes: LayerShape[], seed: number): Promise<{ centre: number; off: number }> {
  const plane = landscapeRandomPlane(landscapeUnflatten(surface.center, shapes), seed);
  const evaluator = surveyEvaluator(objective, plane, 'perPoint');
  try {
    const [centre, off] = await evaluator.evaluate([0, axis(surface.alpha, 3)], [0, axis(surface.beta, 1)]);
    console.log(`landscape.py centre ${surface.losses[mid]![mid]!} (engine ${centre}), at (row 1, column 3) ${surface.losses[1]![3]!} (engine ${off})`);
    return { centre: centre!, off: off! };
  } finally {
    evaluator.dispose();
  }
}

test.skipIf(!python.path)('landscape.py under torchrun: a mixture of experts’ surface (micro LBL, top-2, z-loss, L2) is the engine’s total objective', async () => {
  const { config } = configFromSearch('?model=moe&data=xor&points=120&experts=3&top-k=2&lbl-alpha=0.5&router-z=0.01&micro-batches=2&micro-size=8&reg=l2&reg-rate=0.003&seed=4');
  expect(config.training.moe.balance).toBe('micro');
  const surface = torchSurface(config);
  expect(surface.processes).toBe(2);
  const data = trainingDataCreate(config);
  const run = new TrainingRun(config, data);
  try {
    // The trainer's total objective at PyTorch's weights is the surface's centre.
    run.restore(Float32Array.from(surface.center), STEPS);
    const trainer = run.fullObjective();
    const centre = surface.losses[mid]![mid]!;
    expect(Math.abs(centre - trainer.dataSync()[0]!)).toBeLessThan(1e-5);
    trainer.dispose();
    const model = surveyorModelBuild(config, data, 0, 0);
    const engine = await engineAgainst(surface, model.objective, model.shapes, config.seed);
    expect(Math.abs(centre - engine.centre)).toBeLessThan(1e-5);
    expect(Math.abs(surface.losses[1]![3]! - engine.off)).toBeLessThan(1e-5);
    expect(Math.abs(surface.losses[1]![3]! - centre)).toBeGreaterThan(1e-3);
  } finally {
    run.dispose();
    data.dispose();
  }
}, 300_000);

const preferenceCases = [
  // DPO on the pairs, with 60 prompts made by --points (generate_preference.py), not data.json's 120.
  { link: '?task=preference&points=120&loss=dpo&loss.beta=0.5&layers=1&width=8&preference.responses=4', points: 60 },
  // NPO + retain from the warmed-up policy, on the forget and retain sets.
  { link: '?task=preference&points=80&loss=npo-rt&opt=sgd&lr=0.3&layers=1&width=8&preference.warmupSteps=40', points: null },
];

for (const { link, points } of preferenceCases) {
  test.skipIf(!python.path)(`landscape.py under torchrun: a preference run’s surface (${new URLSearchParams(link).get('loss')}${points ? `, --points ${points}` : ''}) is the engine’s objective with π_ref`, async () => {
    const exported = configFromSearch(link).config;
    const surface = torchSurface(exported, points ? ['--points', String(points)] : []);
    // The engine makes the problem at the size PyTorch made it.
    const config: ExperimentConfig = points ? { ...exported, data: { ...exported.data, points } } : exported;
    const { data, preference } = config;
    const problem = preferenceProblemCreate({ prompts: data.points, responses: preference.responses, labelNoise: preference.labelNoise, forgetFraction: preference.forgetFraction, seed: data.seed });
    const tensors = preferenceTensorsCreate(problem);
    const survey = new PreferenceSurvey(config);
    const reference = preferenceStartWeights(config, tensors);
    const run = new PreferenceRun(config, tensors, reference);
    try {
      run.restore(Float32Array.from(surface.center), STEPS);
      const trainer = run.objectiveNow();
      const centre = surface.losses[mid]![mid]!;
      expect(Math.abs(centre - trainer.dataSync()[0]!)).toBeLessThan(1e-5);
      trainer.dispose();
      const model = survey.model(0, 0, landscapeFlatten(reference));
      try {
        const engine = await engineAgainst(surface, model.objective, model.shapes, config.seed);
        expect(Math.abs(centre - engine.centre)).toBeLessThan(1e-5);
        expect(Math.abs(surface.losses[1]![3]! - engine.off)).toBeLessThan(1e-5);
        expect(Math.abs(surface.losses[1]![3]! - centre)).toBeGreaterThan(1e-3);
      } finally {
        model.dispose?.();
      }
    } finally {
      run.dispose();
      survey.dispose();
      preferenceTensorsDispose(tensors);
    }
  }, 300_000);
}

test.runIf(!python.path)('the landscape.py comparison is skipped without PyTorch', () => {
  expect(python.message).toMatch(/PyTorch/);
});
