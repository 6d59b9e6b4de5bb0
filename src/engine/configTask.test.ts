import { describe, expect, it } from 'vitest';
import { configClamp, configTrainingPart, DEFAULT_CONFIG } from './config';
import { configSetTask } from './configTask';

describe('task in the config', () => {
  it('defaults to classification, and a regression config gets the regression defaults', () => {
    expect(configClamp({}).config.task).toBe('classification');
    const { config, changes } = configClamp({ task: 'regression' });
    expect(config.task).toBe('regression');
    expect(config.data.kind).toBe('sine');
    expect(config.loss).toEqual({ id: 'mse', params: {}, addons: {} });
    expect(changes).toEqual([]);
  });

  it('scopes loss ids by task: hl-gauss is a regression loss with its parameters, ce is not', () => {
    const hl = configClamp({ task: 'regression', data: { kind: 'two-branch' }, loss: { id: 'hl-gauss', params: { sigma: 9 } } });
    expect(hl.config.loss).toEqual({ id: 'hl-gauss', params: { bins: 32, sigma: 3 }, addons: {} });
    expect(hl.changes).toEqual([]); // parameter clamping is silent in the clamp; the URL reader names it
    const ce = configClamp({ task: 'regression', loss: { id: 'ce' } });
    expect(ce.config.loss.id).toBe('mse');
    expect(ce.changes).toEqual(['loss.id "ce" is unknown → mse']);
    expect(configClamp({ loss: { id: 'hl-gauss' } }).config.loss.id).toBe('ce');
  });

  it('keeps data to its task and says so', () => {
    const wrong = configClamp({ task: 'regression', data: { kind: 'spiral' } });
    expect(wrong.config.data.kind).toBe('sine');
    expect(wrong.changes).toContain('data.kind "spiral" is not data for task regression → sine');
    const other = configClamp({ data: { kind: 'two-branch' } });
    expect(other.config.data.kind).toBe('circle');
    expect(other.changes).toContain('data.kind "two-branch" is not data for task classification → circle');
    expect(configClamp({ task: 'ranking' }).changes).toContain('task "ranking" is unknown → classification');
  });

  it('drops add-ons from regression runs with a notice, compare runs included', () => {
    const { config, changes } = configClamp({
      task: 'regression',
      loss: { id: 'huber', addons: { 'z-reg': {} } },
      compare: { runs: [{ loss: { id: 'pinball', params: { tau: 0.9 } } }] },
    });
    expect(config.loss.addons).toEqual({});
    expect(changes.some((c) => c.includes('act on class logits'))).toBe(true);
    expect(config.compare.runs[0]!.loss).toEqual({ id: 'pinball', params: { tau: 0.9 }, addons: {} });
  });

  it('is part of what defines training', () => {
    const regression = configClamp({ task: 'regression' }).config;
    expect(configTrainingPart(regression).task).toBe('regression');
    expect(configTrainingPart(DEFAULT_CONFIG)).not.toEqual(configTrainingPart(regression));
  });

  it('configSetTask moves every run to the task defaults and keeps the rest', () => {
    const draft = configClamp({ loss: { id: 'focal' }, compare: { runs: [{ loss: { id: 'mae' } }] }, optimizer: { learningRate: 0.1 } }).config;
    configSetTask(draft, 'regression');
    const { config, changes } = configClamp(draft);
    expect(changes).toEqual([]);
    expect(config.task).toBe('regression');
    expect(config.data.kind).toBe('sine');
    expect(config.loss.id).toBe('mse');
    expect(config.compare.runs.map((r) => r.loss.id)).toEqual(['mse']);
    expect(config.optimizer.learningRate).toBe(0.1);
  });
});
