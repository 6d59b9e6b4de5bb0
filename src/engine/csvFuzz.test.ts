// Fuzz: generated CSV files, hostile and ordinary, through csvRead → csvTable →
// dataTableStandardise, as an upload goes. Every case must end in a table that holds exactly
// what the file said, or in one clear sentence; never an exception. Seeded, fixed count.
import { describe, expect, it } from 'vitest';
import { CSV_MAX_ROWS, csvRead } from './csv';
import { CSV_MAX_CLASSES, CSV_MAX_FEATURES, csvDefaultLabel, csvTable } from './csvTable';
import { dataTableStandardise } from './dataTable';
import { rng, type Rng } from './rng';

const CASES = 2_400;
const pick = <T,>(r: Rng, items: readonly T[]): T => items[r.int(items.length)]!;
const encoder = new TextEncoder();

type Kind = 'random bytes' | 'clean' | 'ragged' | 'bad cells' | 'duplicate headers' | 'not UTF-8' | 'quotes' | 'labels' | 'rows 10000' | 'rows 10001' | 'columns 1' | 'columns 500';

/** A generated file and, where the generator knows it, what must come of it. */
interface FuzzFile {
  kind: Kind;
  bytes: Uint8Array;
  /** 'ok': a table equal to `numbers`/`labels`; a RegExp: the error it must give; null: either, as long as it is clear. */
  expect: 'ok' | RegExp | null;
  /** For 'ok': the feature values row by row, and each row's label. */
  numbers?: number[][];
  labels?: string[];
  header?: string[];
}

/** A number as a person or a spreadsheet writes it. */
function numberText(r: Rng): { text: string; value: number } {
  const value = pick(r, [() => r.int(100), () => Math.round(r.normal() * 1e4) / 100, () => r.normal() * 10 ** (r.int(12) - 6), () => -r.int(5)])();
  const styles = [String(value), value.toExponential(), value.toFixed(3), ` ${value} `, value >= 0 ? `+${value}` : String(value)];
  const text = pick(r, styles);
  return { text, value: Number(text.trim()) };
}

/** Quotes a field when it must be (or sometimes when it need not be), doubling inner quotes. */
function field(r: Rng, text: string, delimiter: string): string {
  const must = /["\r\n]/.test(text) || text.includes(delimiter);
  return must || r.next() < 0.1 ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A well-formed file: numeric features, a text or numeric label of 2–6 classes. */
function cleanFile(r: Rng, rows: number, features: number, options: { delimiter?: string; newline?: string; bom?: boolean } = {}): FuzzFile {
  const delimiter = options.delimiter ?? pick(r, [',', ';', '\t']);
  const newline = options.newline ?? pick(r, ['\n', '\r\n', '\r']);
  const classes = 2 + r.int(CSV_MAX_CLASSES - 1);
  const names = Array.from({ length: classes }, (_, k) => pick(r, [`class ${k}`, `sp, "${k}"`, `k${k}`, `é${k}`, `line\n${k}`]));
  const header = Array.from({ length: features }, (_, f) => pick(r, [`x${f}`, `col ${f}`, `"q${f}"`, `a${delimiter}b${f}`]));
  header.push('label');
  const numbers: number[][] = [];
  const labels: string[] = [];
  const lines = [header.map((h) => field(r, h, delimiter)).join(delimiter)];
  for (let i = 0; i < Math.max(rows, classes); i++) {
    const values = Array.from({ length: features }, () => numberText(r));
    // Every class appears: the first rows cycle through them.
    const label = names[i < classes ? i : r.int(classes)]!;
    numbers.push(values.map((v) => v.value));
    labels.push(label.trim());
    lines.push([...values.map((v) => field(r, v.text, delimiter)), field(r, label, delimiter)].join(delimiter));
    if (r.next() < 0.02) lines.push(''); // blank lines are skipped
  }
  const text = (options.bom ?? r.next() < 0.2 ? '\uFEFF' : '') + lines.join(newline) + (r.next() < 0.5 ? newline : '');
  return { kind: 'clean', bytes: encoder.encode(text), expect: 'ok', numbers, labels, header: header.map((h) => h.trim()) };
}

function fuzzFile(seed: number): FuzzFile {
  const r = rng(seed);
  // A few fixed sizes at the edges, then a mix of kinds.
  if (seed <= 3) return { ...cleanFile(r, CSV_MAX_ROWS, 3, { delimiter: ',', newline: '\n' }), kind: 'rows 10000' };
  if (seed <= 6) return { ...cleanFile(r, CSV_MAX_ROWS + 1, 3, { delimiter: ',', newline: seed === 6 ? '\r\n' : '\n' }), kind: 'rows 10001', expect: /^The file has more than 10,000 rows; at most 10,000 can be used\.$/ };
  if (seed <= 9) {
    const file = cleanFile(r, 60, 499, { delimiter: ',' });
    return { ...file, kind: 'columns 500', expect: new RegExp(`^The file has 499 numeric columns; at most ${CSV_MAX_FEATURES} can be used as features\\.$`) };
  }
  const kind = r.int(10);
  if (kind === 0) {
    // Random bytes: mostly ASCII noise with separators, sometimes any byte.
    const bytes = new Uint8Array(r.int(2000));
    const alphabet = encoder.encode('0123456789.,;\t\r\n"e-+ abcNA');
    const any = r.next() < 0.3;
    for (let i = 0; i < bytes.length; i++) bytes[i] = any ? r.int(256) : alphabet[r.int(alphabet.length)]!;
    return { kind: 'random bytes', bytes, expect: null };
  }
  if (kind === 1) return cleanFile(r, 1 + r.int(300), 1 + r.int(8));
  if (kind === 2) {
    const file = cleanFile(r, 5 + r.int(100), 2 + r.int(4), { delimiter: ',', newline: '\n' });
    const lines = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '').split('\n');
    // A row loses or gains a field (rows whose label has a newline in it are left alone).
    const at = 1 + r.int(lines.length - 2);
    if (lines[at]!.includes('"') || lines[at]!.trim() === '') return file;
    lines[at] = r.next() < 0.5 ? lines[at]!.replace(/,[^,]*$/, '') : `${lines[at]},7`;
    return { kind: 'ragged', bytes: encoder.encode(lines.join('\n')), expect: /^Row \d+ has \d+ values? but the header has \d+ columns \(fields separated by commas\)\.$/ };
  }
  if (kind === 3) {
    // A feature cell becomes missing, non-finite, or beyond float32.
    const rows = 5 + r.int(50);
    const features = 2 + r.int(3);
    const lines = ['a,b,c,d,e'.split(',').slice(0, features).join(',') + ',label'];
    const bad = 1 + r.int(rows);
    const badCell = pick(r, ['NaN', 'nan', 'Inf', 'Infinity', '-inf', '', 'NA', '1e400', '-1e309', '1e39', '3.5e38', 'null', '?', '0x1F', '1,5']);
    for (let i = 1; i <= rows; i++) {
      const cells = Array.from({ length: features }, () => String(r.int(10)));
      if (i === bad) cells[r.int(features)] = badCell.includes(',') ? `"${badCell}"` : badCell;
      lines.push([...cells, i % 2 ? 'yes' : 'no'].join(','));
    }
    return { kind: 'bad cells', bytes: encoder.encode(lines.join('\n')), expect: null };
  }
  if (kind === 4) {
    // Repeated names, including one that collides with a renamed repeat ("a (2)").
    const names = pick(r, [['a', 'a', 'label'], ['a', 'a', 'a (2)', 'label'], ['x', 'x (2)', 'x', 'label'], ['', '', 'label'], ['column 1', '', 'label'], ['label', 'v', 'label']]);
    const lines = [names.join(',')];
    for (let i = 0; i < 20; i++) lines.push([...names.slice(0, -1).map(() => String(r.int(9))), i % 3 === 0 ? 'p' : 'q'].join(','));
    return { kind: 'duplicate headers', bytes: encoder.encode(lines.join('\n')), expect: null };
  }
  if (kind === 5) {
    // Not UTF-8: Latin-1, UTF-16 with its BOM, a lone continuation byte, an overlong form.
    const good = new TextDecoder().decode(cleanFile(r, 10, 2, { delimiter: ',', bom: false }).bytes);
    const broken = pick(r, [
      () => Uint8Array.from([...good].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0x3f)).concat([0x0a, 0x31, 0x2c, 0x32, 0x2c, 0xe9, 0x0a])),
      () => Uint8Array.from([0xff, 0xfe, ...[...good].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]),
      () => Uint8Array.from([...encoder.encode(good), 0x80, 0x0a]),
      () => Uint8Array.from([...encoder.encode('a,b,label\n1,2,'), 0xc0, 0xaf, 0x0a]),
      () => Uint8Array.from([...encoder.encode('a,label\n1,x\n2,'), 0xed, 0xa0, 0x80]),
    ])();
    return { kind: 'not UTF-8', bytes: broken, expect: /^The file is not UTF-8 text\./ };
  }
  if (kind === 6) {
    // Broken quoting: never closed, or a quote inside an unquoted field.
    const text = pick(r, ['a,b,label\n1,"2,x\n3,4,y\n', 'a,b,label\n1,2"3,x\n4,5,y\n', 'a,b,label\n"1"x,2,y\n3,4,z\n', 'a,"b\n1,2']);
    return { kind: 'quotes', bytes: encoder.encode(text), expect: /^Row \d+(, field \d+)?: a (quote \(\) in the middle|quoted field is never closed)|^Row \d+(, field \d+)?: a quote/ };
  }
  if (kind === 7) {
    // Label columns that cannot be used: one class, too many, missing, or nothing but the label.
    const variant = r.int(4);
    const lines = [variant === 3 ? 'label' : 'a,label'];
    for (let i = 0; i < 30; i++) {
      const label = variant === 0 ? 'same' : variant === 1 ? `c${i % (CSV_MAX_CLASSES + 1 + r.int(5))}` : i === 17 ? 'NA' : `c${i % 2}`;
      lines.push(variant === 3 ? label : `${r.int(9)},${label}`);
    }
    const errors = [/^A single class: every row of "label" is "same"\./, /^Too many classes: "label" has \d+ different values; at most 6/, /^Missing value: row 19, column "label" is "NA"\./, /^The file has only the label column "label": there are no numeric columns/];
    return { kind: 'labels', bytes: encoder.encode(lines.join('\n')), expect: errors[variant]! };
  }
  if (kind === 8) return { ...cleanFile(r, 2 + r.int(50), 0), kind: 'columns 1', expect: /^The file has only the label column "label"/ };
  return { ...cleanFile(r, 3 + r.int(40), 1 + r.int(3)), kind: 'quotes' };
}

/** A message a person can act on: a sentence, no leaked internals. */
function clear(message: string): boolean {
  return message.length > 10 && message.length < 400 && /[.)]$/.test(message) && !/undefined|NaN|\[object|Error:|null\b(?!,)/.test(message.replace(/"[^"]*"/g, '""'));
}

describe('CSV fuzz', () => {
  it(`reads ${CASES} generated files into exact tables or clear messages`, () => {
    const outcomes = new Map<string, { ok: number; error: number }>();
    for (let seed = 1; seed <= CASES; seed++) {
      const file = fuzzFile(seed);
      const fail = (what: string): never => expect.fail(`seed ${seed} (${file.kind}): ${what}`);
      let error: string | null = null;
      let table: ReturnType<typeof csvTable> | null = null;
      try {
        const cells = csvRead(file.bytes);
        if (!cells.ok) error = cells.error;
        else {
          const { header } = cells.value;
          if (new Set(header).size !== header.length) fail(`repeated column names ${JSON.stringify(header)}`);
          table = csvTable(cells.value, csvDefaultLabel(cells.value), 'fuzz.csv');
          if (!table.ok) error = table.error;
        }
      } catch (thrown) {
        fail(`threw ${String(thrown)}`);
      }
      const tally = outcomes.get(file.kind) ?? { ok: 0, error: 0 };
      outcomes.set(file.kind, tally);
      if (error !== null) {
        tally.error++;
        if (!clear(error)) fail(`unclear message: ${error}`);
        if (file.expect === 'ok') fail(`expected a table, got: ${error}`);
        if (file.expect instanceof RegExp && !file.expect.test(error)) fail(`expected ${file.expect}, got: ${error}`);
        continue;
      }
      tally.ok++;
      if (file.expect instanceof RegExp) fail(`expected an error like ${file.expect}, got a table`);
      const value = table!.ok ? table!.value : fail('no table');
      const rows = value.y.length;
      if (value.x.length !== rows * value.features || value.features < 1 || value.features > CSV_MAX_FEATURES) fail('table of the wrong shape');
      if (value.classes < 2 || value.classes > CSV_MAX_CLASSES || value.classNames.length !== value.classes) fail('wrong classes');
      if (!value.y.every((k) => k >= 0 && k < value.classes)) fail('a label out of range');
      if (!value.x.every(Number.isFinite)) fail('a feature that is not a finite float32');
      const standard = dataTableStandardise(value);
      if (!standard.x.every(Number.isFinite)) fail('a standardised feature that is not finite');
      if (file.expect === 'ok') {
        // The table holds what the file said: every number (as float32) and every label.
        if (rows !== file.numbers!.length) fail(`${rows} rows for ${file.numbers!.length}`);
        if (value.featureNames.join('|') !== file.header!.slice(0, -1).join('|')) fail(`features ${value.featureNames.join('|')}`);
        file.numbers!.forEach((row, i) =>
          row.forEach((v, f) => {
            if (value.x[i * value.features + f] !== Math.fround(v)) fail(`row ${i + 2} feature ${f}: ${value.x[i * value.features + f]} for ${v}`);
          }),
        );
        file.labels!.forEach((label, i) => {
          if (value.classNames[value.y[i]!] !== label) fail(`row ${i + 2}: class ${value.classNames[value.y[i]!]} for ${label}`);
        });
      }
    }
    const summary = [...outcomes].map(([kind, t]) => `${kind} ${t.ok}+${t.error}`).join(', ');
    console.log(`CSV fuzz: ${CASES} files tried (seeds 1–${CASES}; kind tables+messages: ${summary}); 0 exceptions, 0 failures`);
    expect(outcomes.size).toBe(12);
  }, 120_000);
});
