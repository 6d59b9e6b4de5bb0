import { describe, expect, it } from 'vitest';
import { configClamp } from './config';
import { trainingDataCreate } from './trainingData';
import { csvParse } from './csv';
import { csvTable } from './csvTable';

describe('trainingDataCreate', () => {
  it('appends added points to the training split, with the classes asked for and untouched by label noise', () => {
    const added = [0.5, -0.25, 1, -2, 2.5, 0];
    const base = configClamp({ data: { kind: 'gauss', points: 100, labelNoise: 0.5 } }).config;
    const { config, changes } = configClamp({ ...base, data: { ...base.data, added } });
    expect(changes).toEqual([]);
    const before = trainingDataCreate(base);
    const data = trainingDataCreate(config);
    expect(data.added).toBe(2);
    expect(data.dataset.y.length).toBe(102);
    expect(Array.from(data.dataset.x.slice(200))).toEqual(added.filter((_, i) => i % 3 !== 2).map(Math.fround));
    expect(Array.from(data.dataset.y.slice(100))).toEqual([1, 0]);
    expect(data.train.labels.length).toBe(before.train.labels.length + 2);
    expect(Array.from(data.split.train.slice(-2))).toEqual([100, 101]);
    expect(Array.from(data.flipped)).toEqual(Array.from(before.flipped));
    // The plane grows to hold them.
    expect(data.plane.extent[1]).toBeGreaterThanOrEqual(2.5);
    before.dispose();
    data.dispose();
  });

  it('clamps added points to the plane and the classes, and keeps them to generated data', () => {
    const { config, changes } = configClamp({ data: { kind: 'circle', classes: 2, added: [9, 0, 1, 0, 0, 5, 0, 0] } });
    expect(config.data.added).toEqual([3, 0, 1]);
    expect(changes).toHaveLength(3);
    const iris = configClamp({ data: { kind: 'iris', added: [0, 0, 1] } });
    expect(iris.config.data.added).toEqual([]);
    expect(iris.config.data.classes).toBe(3);
  });

  it('reads Iris standardised, with a feature plane through the mean', () => {
    const config = configClamp({ data: { kind: 'iris', view: { mode: 'features', x: 2, y: 3 } } }).config;
    const data = trainingDataCreate(config);
    expect(data.dataset.features).toBe(4);
    expect(data.train.x.shape).toEqual([90, 4]);
    expect(data.plane.axes).toEqual(['petal length (cm)', 'petal width (cm)']);
    expect(Array.from(data.plane.origin)).toEqual([0, 0, 0, 0]);
    data.dispose();
  });

  it('trains on an uploaded table, and refuses a CSV config without one', () => {
    const cells = csvParse('a,b,c,label\n1,2,3,x\n2,3,1,y\n3,1,2,x\n4,4,4,y\n5,0,1,x\n');
    if (!cells.ok) throw new Error(cells.error);
    const table = csvTable(cells.value, 'label', 't.csv');
    if (!table.ok) throw new Error(table.error);
    const config = configClamp({ data: { kind: 'csv', classes: 2, csv: { name: 't.csv', label: 'label', hash: table.value.hash } } }).config;
    const data = trainingDataCreate(config, table.value);
    expect(data.dataset.y.length).toBe(5);
    expect(data.featureNames).toEqual(['a', 'b', 'c']);
    data.dispose();
    expect(() => trainingDataCreate(config)).toThrow('This experiment trains on an uploaded CSV file (t.csv) that is not loaded: upload it again.');
  });
});
