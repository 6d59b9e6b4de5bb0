// AnyLoss: approximate each prediction's 0/1 decision by a steep sigmoid of its probability,
// build a soft confusion matrix from those, and use 1 − (a metric of that matrix) as the loss.
// Binary: the positive class is class 1. With K > 2 classes the metric is averaged over the
// K one-vs-rest problems (macro); that extension is ours, not the paper's.
import { tf, type Tensor, type Tensor2D } from '../engine/tf';
import { refSigmoid, refSoftmax } from './math';
import { paramValue } from './params';
import type { LossParamSpec, LossParams, LossSpec } from './types';

export const ANYLOSS_METRICS = ['F1', 'accuracy', 'F-β', 'balanced accuracy', 'G-mean'] as const;

// The default is balanced accuracy, not F1. From an untrained network (every p near ½) the quickest
// gain in soft F1 is to call everything positive: that scores 2π/(1 + π) (0.67 on balanced data)
// against ~0.5, and once every p is well past ½ the steep sigmoid (L = 73) has no slope left, so
// training stops there (the default Circle data: 0.51 accuracy, loss flat at 0.33). Calling
// everything one class gives balanced accuracy ½, no better than where it starts, so the network
// has to learn the boundary. F1 stays one click away and learns on data a line nearly separates.
const METRIC: LossParamSpec = {
  id: 'metric',
  label: 'metric',
  default: 3,
  min: 0,
  max: 4,
  step: 1,
  hint: 'the metric turned into a loss (F1 can collapse to "everything positive" on data no line separates, such as Circle)',
  valueNames: ANYLOSS_METRICS,
};
const L: LossParamSpec = { id: 'L', label: 'L', default: 73, min: 1, max: 100, step: 1, hint: 'steepness of the sigmoid that stands in for the 0/1 decision at p = ½' };
const BETA: LossParamSpec = { id: 'beta', label: 'β', default: 1, min: 0.1, max: 10, step: 0.1, hint: 'F-β only: recall counts β times as much as precision' };

/** Denominators are clamped here (a batch with no positives has TP + FN = 0). */
const DENOMINATOR_FLOOR = 1e-9;
/** The G-mean's square root has an infinite slope at 0. */
const SQRT_FLOOR = 1e-12;

/** The metric's index, rounded and clamped into 0..4. */
export function anylossMetricIndex(params: LossParams): number {
  return Math.min(4, Math.max(0, Math.round(paramValue(params, METRIC))));
}

interface Confusion<T> {
  tp: T;
  fn: T;
  fp: T;
  tn: T;
}

/** A metric of a (soft or hard) confusion matrix, in plain TypeScript. */
export function anylossMetricRef(metric: number, { tp, fn, fp, tn }: Confusion<number>, beta: number): number {
  const div = (a: number, b: number): number => a / Math.max(b, DENOMINATOR_FLOOR);
  const tpr = div(tp, tp + fn);
  const tnr = div(tn, tn + fp);
  switch (metric) {
    case 0:
      return div(2 * tp, 2 * tp + fn + fp);
    case 1:
      return div(tp + tn, tp + tn + fp + fn);
    case 2:
      return div((1 + beta ** 2) * tp, (1 + beta ** 2) * tp + beta ** 2 * fn + fp);
    case 3:
      return (tpr + tnr) / 2;
    default:
      return Math.sqrt(Math.max(tpr * tnr, SQRT_FLOOR));
  }
}

function metricTf(metric: number, { tp, fn, fp, tn }: Confusion<Tensor>, beta: number): Tensor {
  const div = (a: Tensor, b: Tensor): Tensor => tf.div(a, tf.maximum(b, DENOMINATOR_FLOOR));
  const tpr = (): Tensor => div(tp, tf.add(tp, fn));
  const tnr = (): Tensor => div(tn, tf.add(tn, fp));
  switch (metric) {
    case 0:
      return div(tf.mul(2, tp), tf.addN([tf.mul(2, tp), fn, fp]));
    case 1:
      return div(tf.add(tp, tn), tf.addN([tp, tn, fp, fn]));
    case 2: {
      const b2 = beta ** 2;
      return div(tf.mul(1 + b2, tp), tf.addN([tf.mul(1 + b2, tp), tf.mul(b2, fn), fp]));
    }
    case 3:
      return tf.div(tf.add(tpr(), tnr()), 2);
    default:
      return tf.sqrt(tf.maximum(tf.mul(tpr(), tnr()), SQRT_FLOOR));
  }
}

/** The columns scored: class 1 alone when binary, every class one-vs-rest otherwise. */
function scoredColumns(values: Tensor2D): Tensor2D {
  return values.shape[1] === 2 ? tf.slice(values, [0, 1], [-1, 1]) : values;
}

export const anyloss: LossSpec = {
  id: 'anyloss',
  name: 'AnyLoss',
  tex: 'A(p) = \\frac{1}{1 + e^{-L(p - \\frac12)}}, \\quad \\mathrm{TP} = \\sum_i y_i A_i,\\ \\mathrm{FN} = \\sum_i y_i(1 - A_i),\\ \\mathrm{FP} = \\sum_i (1-y_i) A_i,\\ \\mathrm{TN} = \\sum_i (1-y_i)(1-A_i), \\quad \\mathcal L = 1 - \\mathrm{metric}',
  note: 'Batch-level: turns a confusion-matrix metric (F1, accuracy, F-β, balanced accuracy or G-mean) into a loss by replacing each hard decision with a steep sigmoid of the positive-class probability. Optimises the metric you report directly, useful on imbalanced binary data. The sigmoid is nearly a step: only predictions within about 0.1 of ½ get a gradient, so points that end up far on the wrong side stay there. F1 rewards calling everything positive, and from an untrained network on data no line separates (Circle) that is where it goes and stays; balanced accuracy, the default here, does not. With more than two classes this app averages the metric over the classes one-vs-rest (macro): that extension is ours, not the paper\'s.',
  source: 'AnyLoss: Transforming Classification Metrics into Loss Functions',
  level: 'batch',
  params: [METRIC, L, BETA],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const [metric, steepness, beta] = [anylossMetricIndex(params), paramValue(params, L), paramValue(params, BETA)];
    const p = scoredColumns(tf.softmax(logits));
    const y = scoredColumns(targets);
    const a = tf.sigmoid(tf.mul(steepness, tf.sub(p, 0.5)));
    const [notA, notY] = [tf.sub(1, a), tf.sub(1, y)];
    const confusion = {
      tp: tf.sum(tf.mul(y, a), 0),
      fn: tf.sum(tf.mul(y, notA), 0),
      fp: tf.sum(tf.mul(notY, a), 0),
      tn: tf.sum(tf.mul(notY, notA), 0),
    };
    return tf.sub(1, tf.mean(metricTf(metric, confusion, beta)));
  },
  reference: (logits, labels, params) => {
    const [metric, steepness, beta] = [anylossMetricIndex(params), paramValue(params, L), paramValue(params, BETA)];
    const classes = logits[0]?.length ?? 2;
    const columns = classes === 2 ? [1] : Array.from({ length: classes }, (_, k) => k);
    const probabilities = logits.map((z) => refSoftmax(z));
    const scores = columns.map((k) => {
      const confusion = { tp: 0, fn: 0, fp: 0, tn: 0 };
      probabilities.forEach((p, i) => {
        const a = refSigmoid(steepness * (p[k]! - 0.5));
        if (labels[i] === k) {
          confusion.tp += a;
          confusion.fn += 1 - a;
        } else {
          confusion.fp += a;
          confusion.tn += 1 - a;
        }
      });
      return anylossMetricRef(metric, confusion, beta);
    });
    return 1 - scores.reduce((s, v) => s + v, 0) / scores.length;
  },
};
