import { describe, expect, it } from 'vitest';
import { configFromSearch, configToSearch } from './urlCodec';
import { configClamp } from '../engine/config';

describe('task=preference in links', () => {
  it('reads the task, its losses and the preference settings, and writes them back the same', () => {
    const search = '?v=1&task=preference&points=120&loss=dpo&loss.beta=0.3&run2.loss=rpo&run2.loss.eta=2&preference.responses=6&preference.labelNoise=0.2&steps=60';
    const { config, notices } = configFromSearch(search);
    expect(notices).toEqual([]);
    expect(config.task).toBe('preference');
    expect(config.loss).toEqual({ id: 'dpo', params: { beta: 0.3 }, addons: {} });
    expect(config.compare.runs[0]!.loss).toEqual({ id: 'rpo', params: { beta: 0.5, eta: 2 }, addons: {} });
    expect(config.preference).toMatchObject({ responses: 6, labelNoise: 0.2 });
    expect(configFromSearch(configToSearch(config)).config).toEqual(config);
  });

  it('clamps bad preference values with a notice and keeps the rest', () => {
    const { config, notices } = configFromSearch('?task=preference&preference.responses=99&preference.forgetFraction=abc&loss=focal');
    expect(config.preference.responses).toBe(6);
    expect(config.preference.forgetFraction).toBe(0.2);
    expect(config.loss.id).toBe('dpo');
    expect(notices.join(' ')).toMatch(/preference\.responses/);
    expect(notices.join(' ')).toMatch(/forgetFraction/);
    expect(notices.join(' ')).toMatch(/focal/);
    expect(configClamp(config).changes).toEqual([]);
  });
});

describe('task=preference in the JSON run file and the PyTorch export', () => {
  it('round-trips the config and the preference series through the JSON export and import', async () => {
    const { runJson, runJsonParse } = await import('./export/runJson');
    const { runMetricsEmpty } = await import('./export/runMetrics');
    const { config } = configFromSearch('?task=preference&loss=npo&loss.beta=2&run2.loss=ga&preference.forgetFraction=0.3&preference.warmupSteps=100');
    const metrics = runMetricsEmpty();
    metrics.trainLoss = { step: [1, 2], value: [0.5, 0.4] };
    metrics.preference = { step: [0, 2], logChosen: [-1.5, -1.6], logRejected: [-1.7, -2], cosine: [0.2, 0.9], margin: [0, 0.3], winRate: [0.5, 0.6], forgetProb: [0.9, 0.5], retainProb: [0.95, 0.9], bestProb: [0.9, 0.85] };
    const runs = [{ step: 2, diverged: null, metrics }, { step: 2, diverged: null, metrics }];
    const parsed = runJsonParse(runJson(config, runs, { url: 'https://example.org/', exportedAt: new Date(0) }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config).toEqual(config);
    expect(parsed.notices).toEqual([]);
    expect(parsed.runs[0]!.metrics.preference).toEqual(metrics.preference);
  });

  it('the PyTorch export writes it: the task, the problem and preference.py', async () => {
    const { torchExportFromLink } = await import('../torchExport/fromLink');
    const { files } = torchExportFromLink('?task=preference&loss=dpo&run2.loss=npo');
    const experiment = files.find((f) => f.path === 'experiment.py')!.content;
    expect(experiment).toContain('TASK = "preference"');
    // A run unlearns, so every run starts from the warmed-up policy.
    expect(experiment).toContain('"warmup_steps": 300');
    expect(files.map((f) => f.path)).toContain('preference.py');
  });
});
