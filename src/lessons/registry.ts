import { configClamp, type ExperimentConfig } from '../engine/config';
import { calibration } from './calibration';
import { ceVsMse } from './ceVsMse';
import { edgeOfStability } from './edgeOfStability';
import { imbalance } from './imbalance';
import { labelNoise } from './labelNoise';
import { largeStep } from './largeStep';
import { overlap } from './overlap';
import type { Lesson } from './types';

/** Every lesson, in menu order (a course: losses first, then calibration, then optimisation). */
export const LESSONS: readonly Lesson[] = [ceVsMse, labelNoise, calibration, overlap, imbalance, largeStep, edgeOfStability];

const BY_ID = new Map(LESSONS.map((lesson) => [lesson.id, lesson]));

/** The lesson with this id; throws on an unknown id, naming it. */
export function lessonById(id: string): Lesson {
  const lesson = BY_ID.get(id);
  if (!lesson) throw new Error(`unknown lesson: ${id}`);
  return lesson;
}

/** The lesson with this id, or null: for ids that come from a link. */
export function lessonFind(id: string): Lesson | null {
  return BY_ID.get(id) ?? null;
}

/** The complete config a lesson opens with: its partial config, completed by `configClamp`. */
export function lessonConfig(lesson: Lesson): ExperimentConfig {
  return configClamp(lesson.config).config;
}

export type { Lesson } from './types';
