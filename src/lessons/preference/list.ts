import { dpoEntanglement } from './dpoEntanglement';
import { npoUnlearning } from './npoUnlearning';
import type { PreferenceLesson } from './types';

export const PREFERENCE_LESSONS: readonly PreferenceLesson[] = [dpoEntanglement, npoUnlearning];
