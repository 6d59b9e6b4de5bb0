import { fileURLToPath } from 'node:url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf, type Tensor, type Tensor2D } from '../engine/tf';
import { focalTf, refFocal } from './focal';

// The looped focal loss on the WebAssembly backend, whose kernels differ from the cpu's: its
// log1p computes log(1 + x) in float32, which is 0 for x = −(1 − p_y) below ~6e−8.
describe('focal near p_y = 1 on the WebAssembly backend', () => {
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  // 1 − p_y = 2e^{−g}: from 1e−2 down to 1.5e−9 as the true class's lead g grows.
  const leads = [5, 10, 14, 17, 21];
  const logits = leads.map((g) => [g, 0, 0]);
  const targets = leads.map(() => [1, 0, 0]);

  it.each([0.5, 1, 2])('γ = %f: values to 1e−4 relative and finite gradients', (gamma) => {
    expect(tf.getBackend()).toBe('wasm');
    const [values, gradient] = tf.tidy(() => {
      const z = tf.tensor2d(logits);
      const y = tf.tensor2d(targets);
      const loss = (x: Tensor): Tensor => tf.sum(focalTf(x as Tensor2D, y, gamma));
      return [focalTf(z, y, gamma).arraySync(), tf.grad(loss)(z).arraySync() as number[][]];
    });
    logits.forEach((z, i) => {
      const want = refFocal(z, 0, gamma);
      expect(Math.abs(values[i]! - want), `lead ${leads[i]}: ${values[i]} vs ${want}`).toBeLessThanOrEqual(1e-4 * want);
      expect(gradient[i]!.every(Number.isFinite), `lead ${leads[i]} gradient ${gradient[i]}`).toBe(true);
    });
  });
});
