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
