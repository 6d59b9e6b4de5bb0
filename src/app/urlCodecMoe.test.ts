import { describe, expect, it } from 'vitest';
import { configClamp, DEFAULT_CONFIG } from '../engine/config';
import { configFromSearch, configToSearch } from './urlCodec';

describe('mixture-of-experts settings in the URL', () => {
  it('reads the short keys, per run for the load balancing', () => {
    const { config, notices } = configFromSearch('?v=1&model=moe&experts=6&top-k=2&domains=3&lbl=micro&lbl-alpha=0.2&router-z=0.001&micro-batches=8&micro-size=32&run2.lbl=global');
    expect(notices).toEqual([]);
    expect(config.model).toMatchObject({ kind: 'moe', experts: 6, topK: 2 });
    expect(config.data.domains).toBe(3);
    expect(config.training.moe).toEqual({ balance: 'micro', alpha: 0.2, zLoss: 0.001, microBatches: 8, microBatchSize: 32 });
    expect(config.compare.runs[0]!.training.moe).toEqual({ ...config.training.moe, balance: 'global' });
    expect(configFromSearch(configToSearch(config)).config).toEqual(config);
    expect(configToSearch(config)).toContain('run2.lbl=global');
  });

  it('clamps what is out of range and says so', () => {
    const { config, notices } = configFromSearch('?model=tree&experts=12&top-k=3&domains=1&lbl=local&lbl-alpha=5&micro-batches=0');
    expect(config.model).toMatchObject({ kind: 'mlp', experts: 8, topK: 2 });
    expect(config.data.domains).toBe(2);
    expect(config.training.moe).toMatchObject({ balance: 'micro', alpha: 1, microBatches: 1 });
    expect(notices.join(' ')).toMatch(/model/);
    expect(notices.join(' ')).toMatch(/experts|model\.experts/);
    expect(notices.length).toBeGreaterThanOrEqual(6);
  });

  it('turns mixup off for a mixture of experts, with a notice', () => {
    const { config, changes } = configClamp({ model: { kind: 'moe' }, training: { mixup: 0.4 }, compare: { runs: [{ training: { mixup: 1 } }] } });
    expect(config.training.mixup).toBe(0);
    expect(config.compare.runs[0]!.training.mixup).toBe(0);
    expect(changes.filter((c) => c.includes('without mixup'))).toHaveLength(2);
    expect(configClamp({ training: { mixup: 0.4 } }).config.training.mixup).toBe(0.4);
  });

  it('trains a mixture on classification only: another task gets an MLP, with a notice', () => {
    const { config, notices } = configFromSearch('?task=regression&model=moe');
    expect(config.model.kind).toBe('mlp');
    expect(notices.join(' ')).toMatch(/model=moe → mlp/);
    expect(configClamp({ task: 'regression', model: { kind: 'moe' } }).changes.join(' ')).toMatch(/classification only/);
  });

  it('leaves the defaults out of the link', () => {
    expect(configToSearch(DEFAULT_CONFIG)).toBe('v=1');
  });
});

describe('run labels of a mixture of experts', () => {
  it('name the balance scope on both sides of a comparison, and what else differs', async () => {
    const { runLabels } = await import('./runLabels');
    const config = configFromSearch('?model=moe&run2.loss=ce&run2.lbl=global&run3.loss=ce&run3.lbl-alpha=0.3').config;
    expect(runLabels(config).map((l) => l.text)).toEqual(['A · CE, micro-batch LBL', 'B · global-batch LBL', 'C · α 0.3']);
    // An MLP ignores these options: its labels do not mention them.
    expect(runLabels({ ...config, model: { ...config.model, kind: 'mlp' } }).map((l) => l.text)).toEqual(['A · CE', 'B · CE (as A)', 'C · CE (as A)']);
  });
});

describe('a mixture of experts in the run JSON', () => {
  it('round-trips through export and import, and a bad value is clamped with a notice', async () => {
    const { runJson, runJsonParse } = await import('./export/runJson');
    const { runMetricsEmpty } = await import('./export/runMetrics');
    const config = configFromSearch('?data=xor&model=moe&experts=3&top-k=2&domains=6&lbl-alpha=0.2&router-z=0.002&run2.loss=ce&run2.lbl=global').config;
    const meta = { url: 'https://example.org/?v=1', exportedAt: new Date('2026-01-01T00:00:00Z') };
    const text = runJson(config, [{ step: 0, diverged: null, metrics: runMetricsEmpty() }], meta);
    const parsed = runJsonParse(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config).toEqual(config);
    expect(parsed.notices).toEqual([]);
    const edited = JSON.parse(text) as { config: { model: { experts: number } } };
    edited.config.model.experts = 20;
    const clamped = runJsonParse(JSON.stringify(edited));
    if (!clamped.ok) throw new Error(clamped.error);
    expect(clamped.config.model.experts).toBe(8);
    expect(clamped.notices.join(' ')).toMatch(/experts/);
  });
});
