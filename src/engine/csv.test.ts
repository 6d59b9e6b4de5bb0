import { describe, expect, it } from 'vitest';
import { CSV_MAX_ROWS, csvDelimiter, csvParse, csvRead } from './csv';

const bytes = (text: string) => new TextEncoder().encode(text);

function cells(text: string) {
  const result = csvParse(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function error(text: string | Uint8Array): string {
  const result = typeof text === 'string' ? csvParse(text) : csvRead(text);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('csvParse', () => {
  it('reads a header and rows, with CRLF or LF, skipping blank lines', () => {
    const parsed = cells('a,b,label\r\n1,2,x\r\n\r\n3,4,y\n');
    expect(parsed.header).toEqual(['a', 'b', 'label']);
    expect(parsed.rows).toEqual([
      ['1', '2', 'x'],
      ['3', '4', 'y'],
    ]);
    expect(parsed.delimiter).toBe(',');
  });

  it('follows RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const parsed = cells('name,"value, in cm",note\n"Smith, J.",1.5,"said ""hi""\nand left"\n');
    expect(parsed.header).toEqual(['name', 'value, in cm', 'note']);
    expect(parsed.rows).toEqual([['Smith, J.', '1.5', 'said "hi"\nand left']]);
  });

  it('detects semicolons and tabs', () => {
    expect(cells('a;b;c\n1,5;2;x\n').rows).toEqual([['1,5', '2', 'x']]);
    expect(cells('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(csvDelimiter('"a;b",c,d\n')).toBe(',');
  });

  it('names blank and repeated columns', () => {
    expect(cells('x,,x\n1,2,3\n').header).toEqual(['x', 'column 2', 'x (2)']);
  });

  it('says which row is malformed', () => {
    expect(error('a,b\n1,2\n3\n')).toBe('Row 3 has 1 value but the header has 2 columns (fields separated by commas).');
    expect(error('a,b\n1,"2\n')).toMatch(/never closed/);
    expect(error('a,b\n1,2"3\n')).toMatch(/^Row 2, field 2: a quote/);
  });

  it('refuses empty files, files without data rows and more than 10 000 rows', () => {
    expect(error('')).toBe('The file is empty.');
    expect(error(' \n\n')).toBe('The file is empty.');
    expect(error('a,b\n')).toBe('The file has a header row but no data rows.');
    const big = `a,b\n${'1,2\n'.repeat(CSV_MAX_ROWS + 1)}`;
    expect(error(big)).toBe('The file has more than 10,000 rows; at most 10,000 can be used.');
    expect(cells(`a,b\n${'1,2\n'.repeat(CSV_MAX_ROWS)}`).rows).toHaveLength(CSV_MAX_ROWS);
  });
});

describe('csvRead', () => {
  it('decodes UTF-8 (dropping a byte-order mark) and refuses anything else', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('größe,label\n1,a\n')]);
    const read = csvRead(withBom);
    expect(read.ok && read.value.header).toEqual(['größe', 'label']);
    // "größe" in Latin-1: 0xF6 and 0xDF are not valid UTF-8 here.
    const latin1 = new Uint8Array([0x67, 0x72, 0xf6, 0xdf, 0x65, 0x2c, 0x6c, 0x0a, 0x31, 0x2c, 0x61, 0x0a]);
    expect(error(latin1)).toMatch(/^The file is not UTF-8 text/);
  });
});

describe('column names', () => {
  it('keeps repeated names apart, also from a name the file itself uses', () => {
    expect(cells('a,a,a (2),label\n1,2,3,x\n').header).toEqual(['a', 'a (2)', 'a (2) (2)', 'label']);
    expect(cells('x,x (2),x,x\n1,2,3,4\n').header).toEqual(['x', 'x (2)', 'x (3)', 'x (4)']);
    expect(cells(',,column 1\n1,2,3\n').header).toEqual(['column 1', 'column 2', 'column 1 (2)']);
  });
});
