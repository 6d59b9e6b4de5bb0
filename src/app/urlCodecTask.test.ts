import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { TASKS } from '../engine/task';
import { configFromSearch, configToSearch } from './urlCodec';
import { runJson, runJsonParse } from './export/runJson';

describe('task in links and run files', () => {
  it('writes only what differs from the task defaults and reads it back', () => {
    const config = configClamp({ task: 'regression', data: { kind: 'two-branch', noise: 0.3 }, loss: { id: 'hl-gauss', params: { sigma: 1 } }, compare: { runs: [{ loss: { id: 'mse' } }] } }).config;
    const search = configToSearch(config);
    expect(search).toBe('v=1&task=regression&data=two-branch&noise=0.3&loss=hl-gauss&loss.sigma=1&run2.loss=mse');
    expect(configFromSearch(search)).toEqual({ config, notices: [] });
    expect(configToSearch(configClamp({ task: 'regression' }).config)).toBe('v=1&task=regression&loss=mse');
  });

  it('reads the same loss id in each task as that task’s loss', () => {
    const classification = configFromSearch('loss=mse').config;
    const regression = configFromSearch('task=regression&loss=mse').config;
    expect(classification.task).toBe('classification');
    expect(regression.task).toBe('regression');
    expect(configToSearch(classification)).toBe('v=1&loss=mse');
  });

  it('names what it changed: an unknown task, a loss or data of the other task, a parameter out of range', () => {
    expect(configFromSearch('task=ranking').notices).toEqual([`task=ranking is not one of ${TASKS.join(', ')} → classification`]);
    // A name of the other task is not one of this task's (urlCodecOptions.test.ts: only this task's are listed).
    expect(configFromSearch('task=regression&loss=focal').notices).toEqual([expect.stringMatching(/^loss=focal is not one of mse, .* → mse$/)]);
    expect(configFromSearch('task=regression&data=spiral').notices).toEqual([expect.stringMatching(/^data=spiral is not one of .* → sine$/)]);
    expect(configFromSearch('loss=hl-gauss').notices).toEqual([expect.stringMatching(/^loss=hl-gauss is not one of ce, .* → ce$/)]);
    expect(configFromSearch('task=regression&loss=hl-gauss&loss.bins=1000').notices).toEqual(['loss.bins=1000 → 128']);
  });

  it('round-trips through the JSON run file', () => {
    const config = configClamp({ task: 'regression', data: { kind: 'multi-gauss' }, loss: { id: 'pinball', params: { tau: 0.25 } } }).config;
    const parsed = runJsonParse(runJson(config, [], { url: '', exportedAt: new Date(0) }));
    expect(parsed.ok && parsed.config).toEqual(config);
  });
});
