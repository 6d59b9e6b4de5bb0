// The Z-loss of the spherical family: standardise the logits of each example (subtract their
// mean, divide by their standard deviation over the K classes), then a scaled softplus of the
// true class's standardised logit. The result does not change under z → αz + β for α > 0.
import { tf } from '../engine/tf';
import { refSoftplus } from './math';
import { paramValue } from './params';
import { tfPickTarget } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const A: LossParamSpec = { id: 'a', label: 'a', default: 1, min: 0.1, max: 10, step: 0.1, hint: 'sharpness of the softplus: large a approaches a hinge at b' };
const B: LossParamSpec = { id: 'b', label: 'b', default: 1, min: 0, max: 5, step: 0.1, hint: 'the standardised score the true class should reach; tune it' };

/** Keeps the standard deviation off 0 when every logit of an example is equal. */
const VARIANCE_FLOOR = 1e-12;

export const zSpherical: LossSpec = {
  id: 'z-spherical',
  name: 'Z-loss (spherical family)',
  tex: '\\tilde z = \\frac{z - \\operatorname{mean} z}{\\operatorname{std} z}, \\quad \\ell = \\frac1a \\operatorname{softplus}\\!\\big(a\\,(b - \\tilde z_y)\\big)',
  note: 'Looks only at where the true class stands among the standardised logits, so it is blind to their overall shift and scale: the logits cannot grow to lower the loss. a and b need tuning. Not the logit-drift z-reg add-on, which has a similar name. Drawn against the true-class logit with the other logits apart: against p_y with the others tied, z̃_y can only be ±√(K − 1), so that plot is a step with no slope, though the loss trains.',
  shapeAxis: 'logit',
  source: 'The Z-loss: a shift and scale invariant classification loss…',
  level: 'example',
  params: [A, B],
  unavailableReason: (classes) =>
    classes < 3 ? 'Needs at least 3 classes: with 2, the standardised true-class logit is always ±1, so the gradient is zero.' : null,
  compute: (logits, targets, params) => {
    const [a, b] = [paramValue(params, A), paramValue(params, B)];
    const centred = tf.sub(logits, tf.mean(logits, 1, true));
    const std = tf.sqrt(tf.add(tf.mean(tf.square(centred), 1, true), VARIANCE_FLOOR));
    const zTildeY = tfPickTarget(tf.div(centred, std), targets);
    return tf.div(tf.softplus(tf.mul(a, tf.sub(b, zTildeY))), a);
  },
  reference: (logits, labels, params) => {
    const [a, b] = [paramValue(params, A), paramValue(params, B)];
    return logits.map((z, i) => {
      const mean = z.reduce((s, v) => s + v, 0) / z.length;
      const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length;
      const zTildeY = (z[labels[i]!]! - mean) / Math.sqrt(variance + VARIANCE_FLOOR);
      return refSoftplus(a * (b - zTildeY)) / a;
    });
  },
};
