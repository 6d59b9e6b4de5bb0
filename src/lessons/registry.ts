import { configClamp, type ExperimentConfig } from '../engine/config';
import { LESSONS } from './list';
import type { Lesson } from './types';

export { LESSONS };

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
