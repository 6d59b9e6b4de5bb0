// Per-class metrics from hard predictions: recall and F1 per class, balanced accuracy, macro-F1.
// Definitions as scikit-learn's (balanced_accuracy_score, f1_score(average='macro'),
// recall_score(average=None)): balanced accuracy is the mean recall over the classes that occur
// in the labels; macro-F1 is the mean F1 over the classes that occur in the labels or the
// predictions, F1 = 2TP/(2TP + FP + FN). A class absent from the labels has no recall (NaN here;
// scikit-learn reports 0 with a warning), and a class absent from both has no F1 and is left out.
// Written by hand: a confusion matrix of at most 6 classes needs no library.

export interface ClassMetrics {
  /** Examples of each class in the labels (the split's class counts). */
  support: number[];
  /** TP / (TP + FN) per class; NaN for a class with no examples. */
  recall: number[];
  /** 2TP / (2TP + FP + FN) per class; NaN for a class neither in the labels nor predicted. */
  f1: number[];
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
}

/** The confusion matrix, rows the true class, columns the predicted one. */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): number[][] {
  if (labels.length !== predictions.length) throw new Error(`confusionMatrix: ${labels.length} labels but ${predictions.length} predictions`);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [y, p] = [labels[i]!, predictions[i]!];
    if (!(y >= 0 && y < classes && p >= 0 && p < classes)) throw new Error(`confusionMatrix: class ${y} or ${p} outside 0..${classes - 1}`);
    matrix[y]![p]! += 1;
  }
  return matrix;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function classMetrics(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): ClassMetrics {
  const matrix = confusionMatrix(labels, predictions, classes);
  const support = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const predicted = matrix[0]?.map((_, k) => matrix.reduce((s, row) => s + row[k]!, 0)) ?? [];
  const tp = matrix.map((row, k) => row[k]!);
  const recall = tp.map((t, k) => (support[k]! > 0 ? t / support[k]! : NaN));
  // 2TP + FP + FN = support + predicted; zero only for a class that is neither.
  const f1 = tp.map((t, k) => (support[k]! + predicted[k]! > 0 ? (2 * t) / (support[k]! + predicted[k]!) : NaN));
  const total = labels.length;
  return {
    support,
    recall,
    f1,
    accuracy: total > 0 ? tp.reduce((a, b) => a + b, 0) / total : NaN,
    balancedAccuracy: mean(recall.filter((r) => !Number.isNaN(r))),
    macroF1: mean(f1.filter((f) => !Number.isNaN(f))),
  };
}

/**
 * Classes count as imbalanced when one has fewer than IMBALANCE_RATIO × the largest class's
 * examples. 0.8 keeps the few-percent wobble of a seeded balanced split (e.g. 124 vs 116) out.
 */
export const IMBALANCE_RATIO = 0.8;

/** The minority classes: those under IMBALANCE_RATIO × the largest class's count; empty when balanced. */
export function minorityClasses(counts: readonly number[]): number[] {
  const largest = Math.max(0, ...counts);
  if (largest === 0) return [];
  return counts.flatMap((c, k) => (c < IMBALANCE_RATIO * largest ? [k] : []));
}

/** How many labels fall in each class. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]! += 1;
  return counts;
}
