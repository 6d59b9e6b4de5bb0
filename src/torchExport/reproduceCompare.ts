// The comparison the feature reproduce tests share (input features, L1/L2, regression, a mixture of
// experts, preference runs): each case is exported, trained for `steps` steps by PyTorch (one
// Python process, reproduceHarness.py) and by the engine here (tfjs, cpu backend), and every run's
// loss curve must agree within the tolerance every reproduce test asks. reproduce.test.ts uses its
// engine curves and error measure too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configRuns, type ExperimentConfig } from '../engine/config';
import { trainingDataCreate } from '../engine/trainingData';
import { TrainingRun } from '../engine/trainingRun';
import { torchProjectFiles } from './projectFiles';

/** float32 agreement asked of every step (relative to the engine's loss, floored at 1e-3), as in reproduce.test.ts. */
export const REPRODUCE_TOLERANCE = 1e-4;

export interface CompareCase {
  name: string;
  config: ExperimentConfig;
}

export interface TorchRunOutput {
  folder: string;
  run: number;
  losses: number[];
  regenerated: boolean | null;
  /** Extra readings a harness mode adds (the final weights, probes). */
  [key: string]: unknown;
}

export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-3);
}

/** The engine's loss curve of every run of a config: the objective of each step before its update (TrainingRun). */
export function engineCurves(config: ExperimentConfig, steps: number): number[][] {
  const data = trainingDataCreate(config);
  const curves = configRuns(config).map((runConfig) => {
    const run = new TrainingRun(runConfig, data);
    const curve: number[] = [];
    for (let s = 0; s < steps; s++) {
      const { loss } = run.trainStep();
      curve.push(loss.dataSync()[0]!);
      loss.dispose();
    }
    run.dispose();
    return curve;
  });
  data.dispose();
  return curves;
}

/** Exports every case into its own folder under `root` (case0, case1, …) beside the harness that trains them. */
export function torchCaseFolders(root: string, cases: readonly CompareCase[]): { folders: string[]; harness: string } {
  const folders = cases.map((c, i) => {
    const folder = join(root, `case${i}`);
    mkdirSync(folder);
    for (const file of torchProjectFiles(c.config)) writeFileSync(join(folder, file.path), file.content);
    return folder;
  });
  const harness = join(root, 'harness.py');
  writeFileSync(harness, readFileSync(new URL('./reproduceHarness.py', import.meta.url)));
  return { folders, harness };
}

/** Exports every case into its own folder and trains them all in one Python process; returns each run's output. */
export function torchCurves(python: string, cases: readonly CompareCase[], steps: number): TorchRunOutput[] {
  const root = mkdtempSync(join(tmpdir(), 'losscape-torch-'));
  try {
    const { folders, harness } = torchCaseFolders(root, cases);
    // No surface folder and no nudged runs: these cases are compared on their curves.
    const result = spawnSync(python, [harness, String(steps), '-', '-', ...folders], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (result.status !== 0) throw new Error(`the PyTorch harness failed:\n${result.stderr}`);
    return result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TorchRunOutput);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface CurveComparison {
  /** One line per run: its largest relative error and where. */
  lines: string[];
  /** Runs over the tolerance, with their error. */
  failures: string[];
}

/** Compares each case's engine curves (`engine[i]`, one per run) with PyTorch's. */
export function compareCurves(cases: readonly CompareCase[], engine: readonly number[][][], torch: readonly TorchRunOutput[], steps: number): CurveComparison {
  const lines: string[] = [];
  const failures: string[] = [];
  cases.forEach((c, i) => {
    engine[i]!.forEach((curve, run) => {
      const name = engine[i]!.length > 1 ? `${c.name} (run ${run + 1})` : c.name;
      const out = torch.find((o) => o.folder === `case${i}` && o.run === run);
      if (!out || out.losses.length !== steps) {
        failures.push(`${name}: PyTorch gave ${out ? out.losses.length : 'no'} losses, not ${steps}`);
        return;
      }
      const errors = curve.map((value, s) => relativeError(out.losses[s]!, value));
      const max = Math.max(...errors);
      lines.push(`${name.padEnd(60)} max rel. error ${max.toExponential(2)} at step ${errors.indexOf(max) + 1} (loss ${curve[0]!.toFixed(4)} → ${curve[steps - 1]!.toFixed(4)})`);
      if (!(max <= REPRODUCE_TOLERANCE)) failures.push(`${name}: ${max.toExponential(2)} > ${REPRODUCE_TOLERANCE}`);
    });
  });
  return { lines, failures };
}
