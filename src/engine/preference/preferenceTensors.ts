import { tf, type Tensor1D, type Tensor2D } from '../tf';

type Tensor3D = tf.Tensor3D;
import type { PreferenceProblem } from './problem';

/** The problem's constant tensors, made once per run set and shared by its runs. */
export interface PreferenceTensors {
  responses: number;
  /** All prompts `n × 2`, and the pairs' responses one-hot `n × K`. */
  x: Tensor2D;
  chosen: Tensor2D;
  rejected: Tensor2D;
  forgetX: Tensor2D;
  forgetTarget: Tensor2D;
  retainX: Tensor2D;
  retainTarget: Tensor2D;
  /** Every prompt's best response one-hot, `n × K` (the warm-up's targets). */
  best: Tensor2D;
  /** beats[i, y, y′] = 1 if r*(xᵢ, y) > r*(xᵢ, y′), ½ on a tie, else 0: `n × K × K`. */
  beats: Tensor3D;
}

function gatherRows(source: Float32Array, width: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((r, i) => out.set(source.subarray(r * width, (r + 1) * width), i * width));
  return out;
}

function oneHot(labels: Int32Array, k: number): Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat() as Tensor2D);
}

export function preferenceTensorsCreate(problem: PreferenceProblem): PreferenceTensors {
  const k = problem.spec.responses;
  const n = problem.best.length;
  const beats = new Float32Array(n * k * k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        const ra = problem.reward[i * k + a]!;
        const rb = problem.reward[i * k + b]!;
        beats[(i * k + a) * k + b] = ra > rb ? 1 : ra === rb ? 0.5 : 0;
      }
    }
  }
  const targets = (rows: Int32Array): Int32Array => Int32Array.from(rows, (r) => problem.best[r]!);
  return {
    responses: k,
    x: tf.tensor2d(problem.x, [n, 2]),
    chosen: oneHot(problem.chosen, k),
    rejected: oneHot(problem.rejected, k),
    forgetX: tf.tensor2d(gatherRows(problem.x, 2, problem.forget), [problem.forget.length, 2]),
    forgetTarget: oneHot(targets(problem.forget), k),
    retainX: tf.tensor2d(gatherRows(problem.x, 2, problem.retain), [problem.retain.length, 2]),
    retainTarget: oneHot(targets(problem.retain), k),
    best: oneHot(problem.best, k),
    beats: tf.tensor3d(beats, [n, k, k]),
  };
}

export function preferenceTensorsDispose(t: PreferenceTensors): void {
  tf.dispose([t.x, t.chosen, t.rejected, t.forgetX, t.forgetTarget, t.retainX, t.retainTarget, t.best, t.beats]);
}

/** log π(y|x) picked by a one-hot row, `[n]`. */
export function preferenceLogProbOf(logits: Tensor2D, target: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1);
}
