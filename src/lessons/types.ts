import type { ExperimentConfig, RunVariant } from '../engine/config';
import type { LessonClaim } from './claimTypes';

/** Every field optional, all the way down (records and lists of partials included). */
export type DeepPartial<T> = T extends readonly (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * What a lesson sets: a partial config that `configClamp` completes with the defaults. Compare runs
 * say only how they differ from the base run (`{ loss: { id: 'mae' } }`), as in a URL.
 */
export type LessonConfig = DeepPartial<Omit<ExperimentConfig, 'compare'>> & { compare?: { runs: DeepPartial<RunVariant>[] } };

/**
 * A classroom lesson: a configuration and the words around it, as plain text (React renders it
 * as text, never as markup). The pattern is "predict, then run": the question comes first, what
 * to look for is revealed only when asked.
 */
export interface Lesson {
  /** Lower-case words and hyphens: the `lesson=<id>` of a link. */
  id: string;
  title: string;
  /** One sentence: what is set up, and how long to train. */
  setup: string;
  /** The question to answer before pressing Play; it ends with a question mark. */
  question: string;
  /** What to look for after running: a few short paragraphs. */
  lookFor: readonly string[];
  /** What the lesson promises, as a check on the numbers at its length T (config.training.totalSteps). */
  claim: LessonClaim;
  config: LessonConfig;
}
