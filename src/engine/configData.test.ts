import { describe, expect, it } from 'vitest';
import { configClamp, configTrainingPart, DEFAULT_CONFIG } from './config';

describe('the data section', () => {
  it('keeps the boundary view out of the training part: changing it does not restart training', () => {
    const a = configClamp({ data: { kind: 'iris', view: { mode: 'features', x: 0, y: 1 } } }).config;
    const b = configClamp({ data: { kind: 'iris', view: { mode: 'pca', x: 2, y: 3 } } }).config;
    expect(JSON.stringify(configTrainingPart(a))).toBe(JSON.stringify(configTrainingPart(b)));
    const added = configClamp({ data: { added: [0, 0, 1] } }).config;
    expect(JSON.stringify(configTrainingPart(added))).not.toBe(JSON.stringify(configTrainingPart(DEFAULT_CONFIG)));
  });

  it('clamps view indices to the features a real dataset has, and names what it changed', () => {
    const { config, changes } = configClamp({ data: { kind: 'penguins', view: { mode: 'tsne', x: 7, y: -1 } } });
    expect(config.data.view).toEqual({ mode: 'features', x: 3, y: 0 });
    expect(changes).toEqual(['data.view.mode "tsne" is unknown → features', 'data.view.x 7 → 3', 'data.view.y -1 → 0']);
  });

  it('keeps a file’s name, label and hash as short text', () => {
    const { config, changes } = configClamp({ data: { kind: 'csv', classes: 4, csv: { name: 'x'.repeat(200), label: 7, hash: {} } } });
    expect(config.data.kind).toBe('csv');
    expect(config.data.classes).toBe(4);
    expect(config.data.csv).toEqual({ name: 'x'.repeat(120), label: '7', hash: '' });
    expect(changes).toHaveLength(2);
  });
});
