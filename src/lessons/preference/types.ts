import type { PreferencePoint } from '../../workers/protocol';
import type { ClaimResult } from '../claimTypes';
import type { LessonConfig } from '../types';

/**
 * A lesson of task 'preference'. Its claim reads each run's probe series (log π(y_w), log π(y_l),
 * margin, forget and retain probabilities…) rather than the classification numbers.
 */
export interface PreferenceLesson {
  id: string;
  title: string;
  setup: string;
  question: string;
  lookFor: readonly string[];
  claim: {
    text: string;
    holdsAt: readonly number[];
    check(runs: readonly (readonly PreferencePoint[])[]): ClaimResult;
  };
  config: LessonConfig & { task: 'preference' };
}
