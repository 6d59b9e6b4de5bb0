// The lessons in menu order, apart from registry.ts so that plain-data readers (the e2e specs)
// can import them without the engine: lesson files import nothing but types.
import { adamEdge } from './adamEdge';
import { calibration } from './calibration';
import { compSumFamily } from './compSumFamily';
import { ceVsMse } from './ceVsMse';
import { edgeOfStability } from './edgeOfStability';
import { hlGaussVsMse } from './hlGaussVsMse';
import { imbalance } from './imbalance';
import { labelNoise } from './labelNoise';
import { labelSmoothingOptimum } from './labelSmoothingOptimum';
import { largeStep } from './largeStep';
import { lionBox } from './lionBox';
import { logitDrift } from './logitDrift';
import { moeBalance } from './moeBalance';
import { overlap } from './overlap';
import type { Lesson } from './types';

/** Every lesson, in menu order (a course: losses first, then calibration, then optimisation). */
export const LESSONS: readonly Lesson[] = [
  ceVsMse,
  labelNoise,
  compSumFamily,
  hlGaussVsMse,
  calibration,
  labelSmoothingOptimum,
  overlap,
  imbalance,
  logitDrift,
  moeBalance,
  largeStep,
  lionBox,
  edgeOfStability,
  adamEdge,
];
