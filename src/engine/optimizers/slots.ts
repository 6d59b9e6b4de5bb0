import { tf, type Variable } from '../tf';

/**
 * One zero-filled, non-trainable slot variable (a moment, a velocity) per variable. The zeros
 * tensor each is made from is disposed here, so the slots are the only tensors left behind.
 */
export function slotVariables(variables: readonly Variable[]): Variable[] {
  return variables.map((v) => {
    const zeros = tf.zerosLike(v);
    const slot = tf.variable(zeros, false);
    zeros.dispose();
    return slot;
  });
}

/** Disposes every slot of every group. */
export function slotsDispose(...groups: readonly (readonly Variable[])[]): void {
  for (const group of groups) for (const slot of group) slot.dispose();
}
