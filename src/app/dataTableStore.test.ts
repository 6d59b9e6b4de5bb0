import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { useConfigStore } from './configStore';
import { dataTableChooseLabel, dataTableFallback, dataTableFor, dataTableUpload, useDataTableStore } from './dataTableStore';

const bytes = (text: string) => new TextEncoder().encode(text);
const good = 'a,b,c,species\n1,2,3,x\n2,1,0,y\n3,3,1,x\n0,5,2,z\n';

describe('dataTableStore', () => {
  beforeEach(() => {
    useConfigStore.getState().replace(DEFAULT_CONFIG);
    useDataTableStore.setState({ file: null, table: null, pending: null, error: null });
  });

  it('a good file becomes the data: kind csv, its classes, the file named in the config', () => {
    expect(dataTableUpload('good.csv', bytes(good))).toBe(true);
    const { config } = useConfigStore.getState();
    expect(config.data.kind).toBe('csv');
    expect(config.data.classes).toBe(3);
    expect(config.data.csv).toMatchObject({ name: 'good.csv', label: 'species' });
    expect(dataTableFor(config)?.featureNames).toEqual(['a', 'b', 'c']);
    expect(useDataTableStore.getState().error).toBeNull();
  });

  it('a bad file or label changes nothing but the error', () => {
    dataTableUpload('good.csv', bytes(good));
    const before = useConfigStore.getState().config;
    expect(dataTableUpload('bad.csv', bytes('a,label\n1,x\n2,x\n'))).toBe(false);
    expect(useDataTableStore.getState().error).toMatch(/^bad\.csv: A single class/);
    expect(useConfigStore.getState().config).toBe(before);
    expect(dataTableFor(before)).not.toBeNull();
    expect(dataTableUpload('latin1.csv', new Uint8Array([0x61, 0xe9, 0x0a, 0x31, 0x0a]))).toBe(false);
    expect(useDataTableStore.getState().error).toMatch(/not UTF-8/);
    expect(useConfigStore.getState().config).toBe(before);
    // Another label column of a file waiting for one.
    dataTableUpload('two.csv', bytes('a,b,label\n1,0,x\n2,1,x\n'));
    expect(dataTableChooseLabel('b')).toBe(true);
    expect(useConfigStore.getState().config.data.csv).toMatchObject({ name: 'two.csv', label: 'b' });
  });

  it('a CSV config without its file falls back to generated data, with a notice', () => {
    useConfigStore.getState().replace({ ...DEFAULT_CONFIG, data: { ...DEFAULT_CONFIG.data, kind: 'csv', csv: { name: 'mine.csv', label: 'y', hash: 'abc' } } });
    expect(dataTableFallback()).toBe(true);
    const { config, notices } = useConfigStore.getState();
    expect(config.data.kind).toBe(DEFAULT_CONFIG.data.kind);
    expect(notices.at(-1)).toMatch(/uploaded CSV file \(mine\.csv\).*upload it again/);
    expect(dataTableFallback()).toBe(false);
  });
});
