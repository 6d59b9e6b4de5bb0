import { describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { configClamp } from '../engine/config';
import { BackendChooser } from './backendChooser';
import { trainerWorkload } from './trainerWorkload';
import { preferenceSizeClass } from './preferenceTrial';

const preference = (input: Record<string, unknown> = {}) =>
  configClamp({ task: 'preference', data: { points: 60 }, model: { layers: 1, width: 8 }, preference: { responses: 4 }, ...input }).config;

describe('the trainer worker times the preference workload too', () => {
  it('a preference config has a workload of its own: its size class, looped steps, and a timing of its PreferenceRuns', async () => {
    const config = preference({ loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'npo' } }] } });
    const workload = trainerWorkload(config, null);
    expect(workload).not.toBeNull();
    // 2 runs × 60 prompts × (2·8 + 8·4) multiply-adds = 5 760: 4⁶ ≤ 5 760 < 4⁷.
    expect(workload!.sizeClass).toBe('train:6:preference');
    expect(workload!.strategies).toEqual(['looped']);
    const tensors = tf.memory().numTensors;
    const rate = await workload!.trial('looped', 60);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('the size class follows the minibatch, the model and the runs, and is never a classifier’s', () => {
    const base = preferenceSizeClass(preference());
    expect(base).toBe('train:5:preference'); // 60 × 48 = 2 880
    expect(preferenceSizeClass(preference({ optimizer: { batchSize: 8 } }))).toBe('train:4:preference'); // 8 × 48 = 384
    expect(preferenceSizeClass(preference({ model: { layers: 2, width: 32 } }))).not.toBe(base);
    const classifier = trainerWorkload(configClamp({ data: { kind: 'moons', points: 200 } }).config, null)!;
    expect(classifier.sizeClass).toMatch(/^train:\d+$/);
  });

  it('the chooser decides a preference run by timing it (here every faster candidate fails and cpu is timed)', async () => {
    const config = preference({ loss: { id: 'ipo' } });
    const workload = trainerWorkload(config, null)!;
    const chooser = new BackendChooser('train', null);
    await chooser.init();
    const info = await chooser.decide(workload.sizeClass, async (backend) => [{ backend, strategy: null, rate: await workload.trial('looped', 40) }]);
    expect(info.choice).toMatchObject({ backend: 'cpu', sizeClass: 'train:5:preference', source: 'fallback' });
    expect(info.choice!.rate).toBeGreaterThan(0);
    expect(chooser.decided(workload.sizeClass)).toBe(true);
  });
});
