import { tf } from '../../engine/tf';
import { pointLoss } from './point';

/**
 * Below this |r| the loss is log1p(2 sinh²(r/2)), above it |r| + log1p(e^{−2|r|}) − log 2. cosh itself
 * overflows float32 past |r| ≈ 89; the |r| form has no overflow but, near 0, subtracts log 2 from
 * nearly log 2 and keeps only ~1e−7 absolute precision in float32 (0.1 % of r²/2 at r = 0.01); the
 * sinh form is accurate to float32's relative precision there.
 */
const SMALL = 1;

export function refLogCosh(r: number): number {
  const a = Math.abs(r);
  return a < SMALL ? Math.log1p(2 * Math.sinh(a / 2) ** 2) : a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

export const logCosh = pointLoss({
  id: 'log-cosh',
  name: 'Log-cosh',
  tex: '\\ell = \\log\\cosh(\\hat y - y)',
  note: 'About r²/2 for small residuals and |r| − log 2 for large ones: a Huber loss with δ = 1 that is smooth everywhere, so its gradient (tanh r) never jumps.',
  source: 'textbook',
  params: [],
  ofResidual: (r) => {
    const size = tf.abs(r);
    const large = tf.sub(tf.add(size, tf.log1p(tf.exp(tf.mul(-2, size)))), Math.LN2);
    // The small branch's argument is clamped so that, where it is discarded, sinh cannot overflow:
    // an infinite value there would turn the masked gradient into NaN. tf.where's condition has no
    // gradient in tfjs, so the branches are blended with a 0/1 step mask.
    const small = tf.log1p(tf.mul(2, tf.square(tf.sinh(tf.mul(0.5, tf.minimum(size, SMALL))))));
    const useSmall = tf.step(tf.sub(SMALL, size));
    return tf.add(tf.mul(useSmall, small), tf.mul(tf.sub(1, useSmall), large));
  },
  ofResidualReference: (r) => refLogCosh(r),
});
