// Unit tests run in Node on tfjs's plain-JavaScript cpu backend: exact enough to compare
// against float64 references, and the same kernels the app falls back to in the browser.
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll } from 'vitest';
import { tf } from './engine/tf';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
