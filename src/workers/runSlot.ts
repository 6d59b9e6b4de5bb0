// One run of a TrainerSession with what streams from it, and when its calibration and sharpness probes are due.
import type { TrainingRun } from '../engine/trainingRun';
import type { ResumePoint } from './protocol';
import { FrameBuilder } from './frameBuilder';
import { probeCalibration, SharpnessProbe } from './trainerProbes';

export interface RunSlot {
  index: number;
  run: TrainingRun;
  frames: FrameBuilder;
  sharpness: SharpnessProbe;
  divergedAt: number | null;
  lastCalibrationStep: number;
  lastSharpnessStep: number;
}

export function runSlotCreate(index: number, run: TrainingRun, now: () => number, runs: number): RunSlot {
  return {
    index,
    run,
    frames: new FrameBuilder(now, runs),
    sharpness: new SharpnessProbe(),
    divergedAt: null,
    lastCalibrationStep: 0,
    lastSharpnessStep: 0,
  };
}

/** Puts a slot at a resume point: the run goes on from the weights it last sent (after a worker restart). */
export function runSlotResume(slot: RunSlot, point: ResumePoint): void {
  slot.run.restore(point.weights, point.step);
  slot.frames.resumeAt(point.step);
  slot.lastCalibrationStep = point.step;
  slot.lastSharpnessStep = point.step;
}

/** Has `step` crossed a multiple of `every` since `last`? (every = 0: never.) */
function crossed(every: number, last: number, step: number): boolean {
  return every > 0 && Math.floor(step / every) > Math.floor(last / every);
}

/** Takes the calibration and sharpness probes that are due and adds them to the slot's next frame. */
export async function runSlotProbe(slot: RunSlot): Promise<void> {
  const { run } = slot;
  const { calibrationEvery, sharpnessEvery } = run.config.metrics;
  const probes: Promise<void>[] = [];
  // Calibration is of class probabilities: a regression has none.
  const calibrates = run.data.regression === undefined;
  if (calibrates && ((run.steps === 0 && calibrationEvery > 0) || crossed(calibrationEvery, slot.lastCalibrationStep, run.steps))) {
    slot.lastCalibrationStep = run.steps;
    probes.push(probeCalibration(run).then((c) => slot.frames.setCalibration(c)));
  }
  if (crossed(sharpnessEvery, slot.lastSharpnessStep, run.steps)) {
    slot.lastSharpnessStep = run.steps;
    probes.push(slot.sharpness.measure(run).then((p) => slot.frames.addSharpness(p)));
  }
  await Promise.all(probes);
}
