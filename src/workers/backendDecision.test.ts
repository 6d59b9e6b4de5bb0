import { describe, expect, it } from 'vitest';
import { backendCachedChoice, backendCandidates, backendDecide, backendForwardWork, backendRank, backendSizeClass, type BackendChoice, type BackendTrial } from './backendDecision';

const trial = (backend: BackendTrial['backend'], rate: number | null, strategy: string | null = null): BackendTrial => ({ backend, strategy, rate, ...(rate === null ? { error: 'boom' } : {}) });

describe('backendDecide', () => {
  it('picks the fastest: wasm over a GPU for tiny training steps, the GPU for big surfaces', () => {
    // The H200 figures of gpu-machine.md.
    expect(backendDecide([trial('webgpu', 40), trial('wasm', 503)], 'train:8')).toMatchObject({ backend: 'wasm', rate: 503, source: 'measured', sizeClass: 'train:8' });
    const surfaces = [trial('webgpu', 2601 / 0.078, 'batched'), trial('webgpu', 2601 / 10.46, 'looped'), trial('wasm', 2601 / 1.846, 'looped'), trial('wasm', 2601 / 8.038, 'batched')];
    const choice = backendDecide(surfaces, 'survey:10')!;
    expect(choice).toMatchObject({ backend: 'webgpu', strategy: 'batched' });
    expect(choice.trials.map((t) => `${t.backend}/${t.strategy}`)).toEqual(['webgpu/batched', 'wasm/looped', 'wasm/batched', 'webgpu/looped']);
  });

  it('gives a tie (within 5 %) to the candidate listed first, and a clear win to the faster', () => {
    expect(backendDecide([trial('webgpu', 100), trial('wasm', 104)], 's')!.backend).toBe('webgpu');
    expect(backendDecide([trial('wasm', 104), trial('webgpu', 100)], 's')!.backend).toBe('wasm');
    expect(backendDecide([trial('webgpu', 100), trial('wasm', 100)], 's')!.backend).toBe('webgpu');
    expect(backendDecide([trial('webgpu', 100), trial('wasm', 106)], 's')!.backend).toBe('wasm');
    // Strategies on one backend tie the same way: looped, listed first, keeps a 4 % deficit.
    expect(backendDecide([trial('wasm', 96, 'looped'), trial('wasm', 100, 'perPoint')], 's')!.strategy).toBe('looped');
  });

  it('skips failed candidates and ranks them last; null when every one failed', () => {
    const choice = backendDecide([trial('webgpu', null), trial('wasm', 300)], 's')!;
    expect(choice.backend).toBe('wasm');
    expect(choice.trials.map((t) => t.backend)).toEqual(['wasm', 'webgpu']);
    expect(backendDecide([trial('webgpu', null), trial('wasm', null)], 's')).toBeNull();
    expect(backendDecide([], 's')).toBeNull();
    // Zero, negative and non-finite rates are failures too.
    expect(backendDecide([trial('wasm', 0), trial('cpu', Number.NaN), trial('webgl', Infinity)], 's')).toBeNull();
  });

  it('ranks fastest first, keeping the given order among equal rates', () => {
    expect(backendRank([trial('cpu', 5), trial('wasm', 9), trial('webgl', null), trial('webgpu', 5)]).map((t) => t.backend)).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
  });
});

describe('backendCachedChoice', () => {
  const choice: BackendChoice = { backend: 'wasm', strategy: null, rate: 600, source: 'measured', trials: [trial('wasm', 600)], sizeClass: 'train:8' };
  const cached = { device: 'gpu-a|8 cores', sizeClass: 'train:8', choice };

  it('reuses a choice for the same device and size class', () => {
    expect(backendCachedChoice(cached, 'gpu-a|8 cores', 'train:8', ['webgpu', 'wasm'])).toMatchObject({ backend: 'wasm', source: 'cached', rate: 600 });
  });

  it('never reuses a choice from another size class or another device', () => {
    expect(backendCachedChoice(cached, 'gpu-a|8 cores', 'train:11', ['webgpu', 'wasm'])).toBeNull();
    expect(backendCachedChoice(cached, 'gpu-b|8 cores', 'train:8', ['webgpu', 'wasm'])).toBeNull();
    expect(backendCachedChoice(null, 'gpu-a|8 cores', 'train:8', ['wasm'])).toBeNull();
  });

  it('ignores a choice whose backend is no longer a candidate (the GPU went away)', () => {
    const gpu = { ...cached, choice: { ...choice, backend: 'webgpu' as const } };
    expect(backendCachedChoice(gpu, 'gpu-a|8 cores', 'train:8', ['wasm'])).toBeNull();
  });
});

describe('size classes and candidates', () => {
  it('counts the work of one forward pass and buckets it in powers of four', () => {
    // The bench model: 2-16-16-2 on 512 points = 512 · (32 + 256 + 32) multiply-adds.
    expect(backendForwardWork(512, [2, 16, 16, 2])).toBe(512 * 320);
    expect(backendSizeClass('train', 512 * 320)).toBe('train:8');
    expect(backendSizeClass('train', 4 ** 9)).toBe('train:9');
    expect(backendSizeClass('train', 4 ** 9 - 1)).toBe('train:8');
    expect(backendSizeClass('survey', 0)).toBe('survey:0');
    // Twice the points stays in the class or moves up one, never down.
    expect(backendSizeClass('train', 1024 * 320)).toBe('train:9');
  });

  it('times WebGPU only with a hardware adapter; webgl and cpu are fallbacks', () => {
    expect(backendCandidates(true)).toEqual({ timed: ['webgpu', 'wasm'], fallbacks: ['webgl', 'cpu'] });
    expect(backendCandidates(false)).toEqual({ timed: ['wasm'], fallbacks: ['webgl', 'cpu'] });
  });
});
