import { describe, expect, it } from 'vitest';
import { csvParse } from './csv';
import { csvDefaultLabel, csvNumericColumns, csvTable } from './csvTable';

function cellsOf(text: string) {
  const result = csvParse(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function tableError(text: string, label?: string): string {
  const cells = cellsOf(text);
  const result = csvTable(cells, label ?? csvDefaultLabel(cells), 'f.csv');
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('csvTable', () => {
  const text = 'id,height,weight,species,colour\n1,1.5,10,b,red\n2,2.5,-3e1,a,blue\n3, 3 ,NA,b,\n';

  it('finds the numeric columns (missing cells aside) and offers the last text column as the label', () => {
    const cells = cellsOf(text);
    expect(csvNumericColumns(cells)).toEqual([true, true, true, false, false]);
    expect(csvDefaultLabel(cells)).toBe('colour');
    expect(csvDefaultLabel(cellsOf('a,b\n1,0\n2,1\n'))).toBe('b');
  });

  it('uses every other numeric column as a feature and the label’s values, sorted, as classes', () => {
    const cells = cellsOf('x,y,kind\n1,2,dog\n3,4,cat\n5,6,dog\n');
    const result = csvTable(cells, 'kind', 'pets.csv');
    if (!result.ok) throw new Error(result.error);
    const table = result.value;
    expect(table.featureNames).toEqual(['x', 'y']);
    expect(table.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(table.y)).toEqual([1, 0, 1]);
    expect(Array.from(table.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(table.hash).toMatch(/^[0-9a-f]{8}$/);
    // A numeric label column is a label, not a feature; numeric classes sort by value.
    const numeric = csvTable(cellsOf('x,c\n1,10\n2,9\n3,10\n'), 'c', 'n.csv');
    expect(numeric.ok && numeric.value.classNames).toEqual(['9', '10']);
    expect(numeric.ok && numeric.value.featureNames).toEqual(['x']);
    // The hash tells another label column apart.
    const other = csvTable(cellsOf('x,c\n1,10\n2,9\n3,10\n'), 'x', 'n.csv');
    expect(other.ok && numeric.ok && other.value.hash !== numeric.value.hash).toBe(true);
  });

  it('names the row and column of a missing value in a column it uses', () => {
    expect(tableError(text, 'species')).toBe('Missing value: row 4, column "weight" is "NA". Fill it in or remove the row, then upload the file again.');
    expect(tableError('a,label\n1,x\n,y\n')).toBe('Missing value: row 3, column "a" is empty. Fill it in or remove the row, then upload the file again.');
  });

  it('refuses no numeric columns, a single class and more than six classes', () => {
    expect(tableError('name,label\nann,x\nbob,y\n')).toMatch(/^No numeric columns/);
    expect(tableError('a,b,label\n1,2,x\n3,4,x\n')).toBe('A single class: every row of "label" is "x". A classifier needs at least two classes; pick another label column.');
    expect(tableError('a,label\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n7,g\n')).toMatch(/^Too many classes: "label" has 7 different values; at most 6/);
    expect(tableError('a,b\n1,2\n', 'zzz')).toBe('The file has no column "zzz".');
  });

  it('refuses a number beyond float32, which would train as Infinity', () => {
    expect(tableError('a,b,label\n1,2,x\n3, 1e39 ,y\n')).toBe('Row 3, column "b": 1e39 is too large; numbers up to ±3.4e38 can be used.');
    expect(tableError('a,label\n-3.5e38,x\n3,y\n')).toBe('Row 2, column "a": -3.5e38 is too large; numbers up to ±3.4e38 can be used.');
    const cells = cellsOf('a,label\n3.4e38,x\n1e-50,y\n');
    const table = csvTable(cells, 'label', 'f.csv');
    expect(table.ok && Array.from(table.value.x)).toEqual([Math.fround(3.4e38), 0]);
  });
});
