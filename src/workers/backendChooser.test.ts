import { describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { BackendChooser } from './backendChooser';
import type { BackendName } from './protocol';

// In Node only tfjs's cpu backend starts: WebGPU has no navigator.gpu, WASM cannot fetch its
// binary from the page's URL, WebGL has no canvas. That makes Node a machine where every faster
// candidate fails, which is what these tests need.
describe('BackendChooser', () => {
  it('forced: keeps the URL backend, times no training, and decides once per size class', async () => {
    const chooser = new BackendChooser('train', 'cpu');
    expect((await chooser.init()).name).toBe('cpu');
    let trials = 0;
    const trial = async (backend: BackendName) => {
      trials += 1;
      return [{ backend, strategy: null, rate: 100 }];
    };
    const info = await chooser.decide('train:5', trial);
    expect(info).toMatchObject({ name: 'cpu', choice: { backend: 'cpu', source: 'forced', rate: null } });
    expect(info.reason).toContain('chosen in the URL');
    expect(trials).toBe(0);
    expect(chooser.decided('train:5')).toBe(true);
    expect(chooser.decided('train:6')).toBe(false);
  });

  it('forced, for surfaces: still picks the strategy by timing on that backend', async () => {
    const chooser = new BackendChooser('survey', 'cpu');
    const info = await chooser.decide('survey:9', async (backend) => [
      { backend, strategy: 'looped', rate: 50 },
      { backend, strategy: 'batched', rate: 90 },
    ]);
    expect(info.choice).toMatchObject({ backend: 'cpu', strategy: 'batched', rate: 90, source: 'forced' });
  });

  it('falls through to the fallbacks when every timed candidate fails, saying why each failed', async () => {
    const chooser = new BackendChooser('survey', null);
    const started = await chooser.init();
    expect(started.name).toBe('cpu');
    const timed: BackendName[] = [];
    const info = await chooser.decide('survey:9', async (backend) => {
      timed.push(backend);
      return [{ backend, strategy: 'perPoint', rate: 10 }];
    });
    expect(timed).toEqual(['cpu']);
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.choice).toMatchObject({ source: 'fallback', strategy: 'perPoint' });
    expect(info.failures.map((f) => f.backend)).toEqual(expect.arrayContaining(['webgpu', 'wasm', 'webgl']));
    expect(info.reason).toMatch(/^fallback \(/);
  });
});
