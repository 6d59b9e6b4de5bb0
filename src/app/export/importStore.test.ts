import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../engine/config';
import { useConfigStore } from '../configStore';
import { importStoreApply, useImportStore } from './importStore';
import { runJson } from './runJson';
import { runMetricsEmpty } from './runMetrics';

function runFile(change: (config: ExperimentConfig) => void): string {
  const config = structuredClone(DEFAULT_CONFIG);
  change(config);
  const metrics = runMetricsEmpty();
  metrics.trainLoss = { step: [1, 2], value: [0.7, 0.6] };
  return runJson(config, [{ step: 2, diverged: null, metrics }], { url: 'https://example.org/', exportedAt: new Date('2025-03-01T12:00:00Z') });
}

describe('importStore', () => {
  beforeEach(() => {
    useConfigStore.getState().replace(DEFAULT_CONFIG);
    useImportStore.setState({ imported: null, error: null });
  });

  it('loads the config and keeps the runs as a reference', () => {
    expect(importStoreApply('run.json', runFile((c) => (c.data.kind = 'spiral')))).toBe(true);
    expect(useConfigStore.getState().config.data.kind).toBe('spiral');
    const imported = useImportStore.getState().imported;
    expect(imported?.fileName).toBe('run.json');
    expect(imported?.runs[0]!.metrics.trainLoss.value).toEqual([0.7, 0.6]);
  });

  it('keeps the reference while only views change, and drops it when the experiment changes', () => {
    importStoreApply('run.json', runFile((c) => (c.seed = 5)));
    useConfigStore.getState().update((c) => (c.views.calibration = true));
    expect(useImportStore.getState().imported).not.toBeNull();
    useConfigStore.getState().update((c) => (c.optimizer.learningRate = 0.1));
    expect(useImportStore.getState().imported).toBeNull();
  });

  it('changes nothing but the error on a bad file', () => {
    importStoreApply('good.json', runFile((c) => (c.seed = 9)));
    const before = useConfigStore.getState();
    expect(importStoreApply('bad.json', '{"format":"losscape-run","version":7}')).toBe(false);
    expect(useImportStore.getState().error).toMatch(/version 7/);
    expect(useImportStore.getState().imported?.fileName).toBe('good.json');
    expect(useConfigStore.getState().config).toBe(before.config);
    expect(useConfigStore.getState().revision).toBe(before.revision);
  });
});
