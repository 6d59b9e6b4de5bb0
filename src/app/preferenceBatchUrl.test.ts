import { describe, expect, it } from 'vitest';
import { configFromSearch, configToSearch } from './urlCodec';
import { configClamp } from '../engine/config';

describe('task=preference: the minibatch size in links and run files', () => {
  it('reads `batch` for each run of a preference comparison and writes it back the same', () => {
    const { config, notices } = configFromSearch('?v=1&task=preference&points=120&loss=dpo&batch=16&run2.loss=npo&run2.batch=4');
    expect(notices).toEqual([]);
    expect(config.optimizer.batchSize).toBe(16);
    expect(config.compare.runs[0]!.optimizer!.batchSize).toBe(4);
    const search = configToSearch(config);
    expect(search).toContain('batch=16');
    expect(search).toContain('run2.batch=4');
    expect(configFromSearch(search).config).toEqual(config);
  });

  it('clamps a bad batch size with a notice and keeps the rest of the link', () => {
    for (const [given, want] of [
      ['5000', 2000],
      ['-3', 0],
      ['2.5', 3],
      ['abc', 0],
      ['NaN', 0],
    ] as const) {
      const { config, notices } = configFromSearch(`?task=preference&loss=rpo&loss.eta=2&batch=${given}`);
      expect(config.optimizer.batchSize, `batch=${given}`).toBe(want);
      expect(notices.join(' '), `batch=${given}`).toMatch(/batchSize|batch/);
      expect(config.loss).toMatchObject({ id: 'rpo', params: { eta: 2 } });
      expect(configClamp(config).changes).toEqual([]);
    }
  });

  it('round-trips the batch sizes through the JSON export and import', async () => {
    const { runJson, runJsonParse } = await import('./export/runJson');
    const { runMetricsEmpty } = await import('./export/runMetrics');
    const { config } = configFromSearch('?task=preference&loss=npo-rt&batch=8&run2.loss=dpo&run2.batch=32');
    const runs = [0, 1].map(() => ({ step: 0, diverged: null, metrics: runMetricsEmpty() }));
    const parsed = runJsonParse(runJson(config, runs, { url: 'https://example.org/', exportedAt: new Date(0) }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.notices).toEqual([]);
    expect(parsed.config.optimizer.batchSize).toBe(8);
    expect(parsed.config.compare.runs[0]!.optimizer!.batchSize).toBe(32);
    expect(parsed.config).toEqual(config);
  });
});
