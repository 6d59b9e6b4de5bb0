import { configClamp, type ExperimentConfig } from '../engine/config';
import { TrainerSession } from '../workers/trainerSession';
import { PreferenceSession } from '../workers/preferenceSession';
import type { TrainerEvent } from '../workers/protocol';
import { trainingStoreApplyFrame, trainingStoreClearRuns, trainingStoreFlush, trainingStoreMarkDiverged, useTrainingStore } from '../app/trainingStore';
import { lessonConfig } from './registry';
import { claimNumbersOf } from './claimNumbers';
import type { ClaimResult, ClaimRunNumbers } from './claimTypes';
import { claimEvaluate } from './claimCheck';
import type { Lesson } from './types';

export interface HeadlessCheck {
  /** The multiple of the lesson's length T. */
  multiple: number;
  step: number;
  result: ClaimResult;
  runs: ClaimRunNumbers[];
}

/** The lesson's config on another seed: the data and the initial weights both change. */
export function lessonConfigSeeded(lesson: Lesson, seed: number): ExperimentConfig {
  const config = lessonConfig(lesson);
  return configClamp({ ...config, seed, data: { ...config.data, seed } }).config;
}

/**
 * Runs a lesson headless through the trainer worker's own code (TrainerSession, its frames into
 * the training store as the main thread applies them) and checks its claim at each multiple of
 * its length T, in one run: 0.5×T, then on to 1×T, then on to 2×T. Real time paces the chunks
 * and frames as in the browser (the probes' cadences depend on the chunks).
 */
export async function lessonRunHeadless(lesson: Lesson, seed: number, multiples: readonly number[]): Promise<HeadlessCheck[]> {
  const config = lessonConfigSeeded(lesson, seed);
  const length = config.training.totalSteps;
  const emit = (event: TrainerEvent): void => {
    if (event.type === 'data') useTrainingStore.setState({ points: event.points });
    else if (event.type === 'frame') trainingStoreApplyFrame(event.run, event.frame);
    else if (event.type === 'diverged') trainingStoreMarkDiverged(event.run, { step: event.step, reason: event.reason });
    else if (event.type === 'error') throw new Error(event.message);
  };
  // Task 'preference' trains in its own session, as in the worker.
  const session = config.task === 'preference' ? new PreferenceSession(emit) : new TrainerSession(emit);
  trainingStoreClearRuns(1 + config.compare.runs.length);
  session.configure(config, 1);
  const checks: HeadlessCheck[] = [];
  let step = 0;
  for (const multiple of [...multiples].sort((a, b) => a - b)) {
    const target = Math.round(multiple * length);
    if (target > step) await session.step(target - step);
    step = target;
    trainingStoreFlush();
    const { runs: states, points } = useTrainingStore.getState();
    const runs = states.map((r, i) => {
      const numbers = claimNumbersOf(r, points);
      if (!numbers) throw new Error(`run ${i} has no evaluation at step ${step}`);
      return numbers;
    });
    checks.push({ multiple, step, result: claimEvaluate(lesson.claim, runs), runs });
  }
  session.pause();
  return checks;
}
