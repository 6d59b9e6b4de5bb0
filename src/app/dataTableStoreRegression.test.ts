import { beforeEach, describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { useConfigStore } from './configStore';
import { dataTableChooseLabel, dataTableFallback, dataTableFor, dataTableUpload, useDataTableStore } from './dataTableStore';

const bytes = (text: string) => new TextEncoder().encode(text);
const houses = 'rooms,area,town,price\n3,70,a,210\n4,95,b,300\n2,48,a,150\n5,120,c,420\n';

describe('dataTableStore in a regression', () => {
  beforeEach(() => {
    useConfigStore.getState().replace(configClamp({ task: 'regression' }).config);
    useDataTableStore.setState({ file: null, table: null, pending: null, error: null });
  });

  it('reads an uploaded file with its last numeric column as the target, and the file becomes the data without a notice', () => {
    expect(dataTableUpload('houses.csv', bytes(houses))).toBe(true);
    const { config, notices } = useConfigStore.getState();
    expect(notices).toEqual([]);
    expect(config.task).toBe('regression');
    expect(config.data.kind).toBe('csv');
    expect(config.data.csv).toMatchObject({ name: 'houses.csv', label: 'price' });
    expect(Array.from(dataTableFor(config)!.targets!)).toEqual([210, 300, 150, 420]);
  });

  it('refuses a text column as the target with the reason, changing nothing else', () => {
    dataTableUpload('houses.csv', bytes(houses));
    const before = useConfigStore.getState().config;
    expect(dataTableChooseLabel('town')).toBe(false);
    expect(useDataTableStore.getState().error).toMatch(/^houses\.csv: Row 2, column "town": "a" is not a number/);
    expect(useConfigStore.getState().config).toBe(before);
  });

  it('falls back to the sine curve when a link names a file that is not loaded', () => {
    useConfigStore.getState().replace(configClamp({ task: 'regression', data: { kind: 'csv', csv: { name: 'houses.csv', label: 'price', hash: 'x' } } }).config);
    expect(dataTableFallback()).toBe(true);
    expect(useConfigStore.getState().config.data.kind).toBe('sine');
    expect(useConfigStore.getState().notices.at(-1)).toMatch(/Showing Sine curve \(1-D\) meanwhile\.$/);
  });
});
