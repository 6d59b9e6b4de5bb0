import { describe, expect, it } from 'vitest';
import { csvParse, type CsvCells } from './csv';
import { csvDefaultTarget, csvRegressionTable } from './csvRegressionTable';
import { configClamp } from './config';
import { trainingDataCreate } from './trainingData';

function cells(text: string): CsvCells {
  const parsed = csvParse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const HOUSES = 'rooms,area,town,price\n3,70,a,210\n4,95,b,300.5\n2,48,a,150\n5,120,c,420\n3,66,b,199\n';

describe('a CSV file as a regression', () => {
  it('offers the last numeric column as the target and reads it as numbers, the other numeric columns as features', () => {
    expect(csvDefaultTarget(cells(HOUSES))).toBe('price');
    const table = csvRegressionTable(cells(HOUSES), 'price', 'houses.csv');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.featureNames).toEqual(['rooms', 'area']);
    expect(Array.from(table.value.targets!)).toEqual([210, 300.5, 150, 420, 199]);
    expect(Array.from(table.value.x.slice(0, 4))).toEqual([3, 70, 4, 95]);
    expect(table.value.classes).toBe(1);
    // Another target gives another table, and the class reading of the same file another hash.
    const rooms = csvRegressionTable(cells(HOUSES), 'rooms', 'houses.csv');
    expect(rooms.ok && rooms.value.featureNames).toEqual(['area', 'price']);
    expect(rooms.ok && rooms.value.hash).not.toBe(table.value.hash);
  });

  it('says clearly why a column cannot be a target', () => {
    const text = csvRegressionTable(cells(HOUSES), 'town', 'houses.csv');
    expect(text).toEqual({ ok: false, error: `Row 2, column "town": "a" is not a number, and a regression's target must be one in every row. Pick a numeric column.` });
    const missing = csvRegressionTable(cells('x,y\n1,2\n2,NA\n'), 'y', 'm.csv');
    expect(missing).toEqual({ ok: false, error: 'Missing value: row 3, column "y" is "NA". Fill it in or remove the row, then upload the file again.' });
    const constant = csvRegressionTable(cells('x,y\n1,5\n2,5\n'), 'y', 'c.csv');
    expect(constant.ok ? '' : constant.error).toContain('constant target');
    const alone = csvRegressionTable(cells('name,y\na,1\nb,2\n'), 'y', 'n.csv');
    expect(alone.ok ? '' : alone.error).toBe('No numeric columns besides the target "y": there is nothing to use as features.');
    expect(csvRegressionTable(cells(HOUSES), 'cost', 'houses.csv')).toEqual({ ok: false, error: 'The file has no column "cost".' });
  });

  it('trains as the data of a regression: standardised features, the targets in their units, the support around them', () => {
    const table = csvRegressionTable(cells(HOUSES.repeat(1) + '4,88,c,280\n2,50,b,160\n3,75,a,230\n4,100,c,310\n5,110,a,400\n'), 'price', 'houses.csv');
    if (!table.ok) throw new Error(table.error);
    const config = configClamp({ task: 'regression', data: { kind: 'csv', csv: { name: 'houses.csv', label: 'price', hash: table.value.hash } } }).config;
    const data = trainingDataCreate(config, table.value);
    try {
      expect(data.inputs).toBe(2);
      expect(data.regression!.all).toEqual(table.value.targets);
      const train = Array.from(data.regression!.train);
      const [lo, hi] = [Math.min(...train), Math.max(...train)];
      // The training targets' range and 10 % of it on each side.
      expect(data.regression!.support.vMin).toBeCloseTo(lo - 0.1 * (hi - lo), 4);
      expect(data.regression!.support.vMax).toBeCloseTo(hi + 0.1 * (hi - lo), 4);
      const x = data.train.x.arraySync() as number[][];
      for (const row of x) for (const v of row) expect(Math.abs(v)).toBeLessThan(3);
    } finally {
      data.dispose();
    }
    const classification = configClamp({ task: 'regression', data: { kind: 'csv' } }).config;
    const { targets: _targets, ...withoutTargets } = table.value;
    expect(() => trainingDataCreate(classification, withoutTargets)).toThrow(/not numeric in every row/);
  });
});
