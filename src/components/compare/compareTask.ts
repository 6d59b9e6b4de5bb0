import type { Task } from '../../engine/task';
import type { CompareQuantity } from './compareSeries';
import type { SummaryKey } from './summaryRows';

/**
 * The tasks with a comparison view. Task 'preference' compares its runs in the preference panel
 * (log-probabilities, margin, win-rate of every run overlaid, and a table) and has no dock.
 */
export type CompareTask = Exclude<Task, 'preference'>;

export function compareTask(task: Task): CompareTask {
  return task === 'regression' ? 'regression' : 'classification';
}

export interface SummaryColumn {
  key: SummaryKey;
  label: string;
  digits?: number;
  title?: string;
}

const HEAD: SummaryColumn[] = [
  { key: 'run', label: 'run' },
  { key: 'loss', label: 'loss' },
  { key: 'trainLoss', label: 'train loss', digits: 4 },
];
const TAIL: SummaryColumn[] = [
  { key: 'sharpness', label: 'λ_max', digits: 3 },
  { key: 'distanceFromInit', label: '‖θ − θ₀‖', digits: 3 },
  { key: 'stepsPerSecond', label: 'steps/s', digits: 0 },
  { key: 'diverged', label: 'diverged' },
];

/**
 * The comparison table's columns for a task. Each task has its own numbers: accuracies, F1 and
 * ECE mean nothing for a regression (one "class" predicted everywhere), and
 * a regression's losses differ in kind (HL-Gauss is a cross-entropy over bins), so its runs are
 * compared on the errors every run shares: MSE and MAE of the prediction.
 */
export const SUMMARY_COLUMNS: Record<CompareTask, readonly SummaryColumn[]> = {
  classification: [
    ...HEAD,
    { key: 'testLoss', label: 'test loss', digits: 4 },
    { key: 'trainAccuracy', label: 'train acc.', digits: 3 },
    { key: 'testAccuracy', label: 'test acc.', digits: 3 },
    { key: 'testBalancedAccuracy', label: 'test bal. acc.', digits: 3 },
    { key: 'testMacroF1', label: 'test macro-F1', digits: 3 },
    { key: 'minorityRecall', label: 'minority recall', digits: 3 },
    { key: 'ece', label: 'ECE', digits: 4 },
    { key: 'eceScaled', label: 'ECE after T*', digits: 4 },
    ...TAIL,
  ],
  regression: [
    ...HEAD,
    { key: 'testLoss', label: 'test loss', digits: 4 },
    { key: 'trainMse', label: 'train MSE', digits: 4, title: 'Mean squared error of the prediction on the training split' },
    { key: 'testMse', label: 'test MSE', digits: 4, title: 'Mean squared error of the prediction on the test split' },
    { key: 'testMae', label: 'test MAE', digits: 4, title: 'Mean absolute error of the prediction on the test split' },
    ...TAIL,
  ],
};

/** The overlaid charts of a task's comparison, in order. */
export const COMPARE_QUANTITIES: Record<CompareTask, readonly CompareQuantity[]> = {
  classification: ['accuracy', 'ece', 'gradientNorm', 'sharpness'],
  regression: ['validationMse', 'gradientNorm', 'sharpness'],
};

/** What the small multiples show: each run's decision boundary, or each run's regression fit. */
export const MULTIPLES_TITLE: Record<CompareTask, string> = {
  classification: 'Decision boundaries',
  regression: 'Fit of each run',
};

/** Reliability diagrams are of class probabilities: classification only. */
export const SHOWS_RELIABILITY: Record<CompareTask, boolean> = { classification: true, regression: false };
