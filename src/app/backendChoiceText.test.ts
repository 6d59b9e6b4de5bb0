import { describe, expect, it } from 'vitest';
import { choiceDetail, landscapeChoiceText, trainingChoiceText } from './backendChoiceText';
import type { BackendInfo } from '../workers/protocol';

const training: BackendInfo = {
  name: 'wasm',
  reason: 'measured fastest for this workload',
  failures: [],
  choice: {
    backend: 'wasm',
    strategy: null,
    rate: 640,
    source: 'measured',
    sizeClass: 'train:8',
    trials: [
      { backend: 'wasm', strategy: null, rate: 640 },
      { backend: 'webgpu', strategy: null, rate: 48.4 },
    ],
  },
};

const landscape: BackendInfo = {
  name: 'webgpu',
  reason: 'measured fastest for this workload',
  failures: [],
  choice: {
    backend: 'webgpu',
    strategy: 'batched',
    rate: 2601 / 0.078,
    source: 'measured',
    sizeClass: 'survey:10',
    trials: [
      { backend: 'webgpu', strategy: 'batched', rate: 2601 / 0.078 },
      { backend: 'wasm', strategy: 'looped', rate: 2601 / 1.846 },
      { backend: 'wasm', strategy: 'batched', rate: 2601 / 8.04 },
      { backend: 'webgpu', strategy: 'looped', rate: null, error: 'lost' },
      { backend: 'wasm', strategy: 'perPoint', rate: 2601 / 460 },
    ],
  },
};

describe('backend badge text', () => {
  it('says what trains and computes the landscape, with the rates behind the choice', () => {
    expect(trainingChoiceText(training)).toBe('training on wasm, 640 steps/s (webgpu 48)');
    expect(landscapeChoiceText(landscape)).toBe('landscape on webgpu/batched, 78 ms per 51×51 (wasm 1.8 s)');
  });

  it('says how many threads a threaded WASM backend runs', () => {
    expect(landscapeChoiceText({ ...landscape, name: 'wasm', threads: 4, choice: { ...landscape.choice!, backend: 'wasm', strategy: 'looped', rate: 1405, trials: [] } })).toBe(
      'landscape on wasm/looped, 1.9 s per 51×51, 4 threads',
    );
    expect(trainingChoiceText({ ...training, threads: 2 })).toBe('training on wasm, 640 steps/s, 2 threads (webgpu 48)');
  });

  it('says when compare runs step batched', () => {
    const trials = [
      { backend: 'webgpu' as const, strategy: 'batched', rate: 240 },
      { backend: 'webgpu' as const, strategy: 'looped', rate: 40 },
      { backend: 'wasm' as const, strategy: 'looped', rate: 110 },
    ];
    const batched: BackendInfo = { ...training, name: 'webgpu', choice: { ...training.choice!, backend: 'webgpu', strategy: 'batched', rate: 240, trials } };
    expect(trainingChoiceText(batched)).toBe('training on webgpu, 240 steps/s, runs batched (wasm 110)');
    const looped: BackendInfo = { ...batched, name: 'wasm', choice: { ...batched.choice!, backend: 'wasm', strategy: 'looped', rate: 110 } };
    expect(trainingChoiceText(looped)).toBe('training on wasm, 110 steps/s (webgpu 240)');
  });

  it('names the backend alone before anything is measured, and marks a forced landscape', () => {
    expect(trainingChoiceText({ name: 'cpu', reason: 'first choice', failures: [] })).toBe('training on cpu');
    expect(landscapeChoiceText({ name: 'wasm', reason: 'first choice', failures: [] })).toBe('landscape on wasm');
    const forced: BackendInfo = { ...landscape, choice: { ...landscape.choice!, source: 'forced', trials: landscape.choice!.trials.filter((t) => t.backend === 'webgpu') } };
    expect(landscapeChoiceText(forced)).toBe('landscape on webgpu/batched, 78 ms per 51×51 (forced)');
  });

  it('lists every timing and failure in the tooltip, long surfaces in whole seconds', () => {
    const detail = choiceDetail({ ...landscape, failures: [{ backend: 'webgl', message: 'no context' }] }, 'surface');
    expect(detail.split('\n')).toEqual([
      'webgpu: measured fastest for this workload',
      '  webgpu/batched: 78 ms per 51×51',
      '  wasm/looped: 1.8 s per 51×51',
      '  wasm/batched: 8.0 s per 51×51',
      '  webgpu/looped: failed (lost)',
      '  wasm/perPoint: 460 s per 51×51',
      '  webgl: no context',
    ]);
    expect(choiceDetail(training, 'steps')).toContain('webgpu: 48 steps/s');
  });
});
