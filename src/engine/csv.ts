// Reading a CSV file into cells: UTF-8 only, RFC 4180 quoting, `,` `;` or tab between fields,
// a header row first. Every failure is a plain sentence naming the row (the header is row 1, as in
// a spreadsheet) so the user can find it. Pure: bytes in, cells or a sentence out.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CsvCells {
  /** Column names from the header row, trimmed; a blank one becomes "column N". */
  header: string[];
  /** Data rows (the header excluded), each with header.length cells, as written (not trimmed). */
  rows: string[][];
  delimiter: ',' | ';' | '\t';
}

/** More rows than this are refused: training on them in the browser would crawl. */
export const CSV_MAX_ROWS = 10_000;
const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<CsvCells['delimiter'], string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** The file's text, if it is UTF-8 (a byte-order mark is dropped). */
export function csvDecode(bytes: Uint8Array): Result<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'The file is not UTF-8 text. Save it as "CSV UTF-8" (or re-encode it as UTF-8) and upload it again.' };
  }
}

/** Decodes and splits a file into header and rows. */
export function csvRead(bytes: Uint8Array): Result<CsvCells> {
  const text = csvDecode(bytes);
  return text.ok ? csvParse(text.value) : text;
}

/** Splits CSV text into header and rows. Blank lines are skipped. */
export function csvParse(text: string): Result<CsvCells> {
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  const delimiter = csvDelimiter(text);
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** The field began with a quote; text after its closing quote is an error. */
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): string | null => {
    endField();
    const blank = row.length === 1 && row[0]!.trim() === '';
    if (!blank) records.push(row);
    row = [];
    // The header is not a data row: CSV_MAX_ROWS + 1 records at most.
    return records.length > CSV_MAX_ROWS + 1 ? `The file has more than ${CSV_MAX_ROWS.toLocaleString('en')} rows; at most ${CSV_MAX_ROWS.toLocaleString('en')} can be used.` : null;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === '"' || (wasQuoted && c !== delimiter && c !== '\r' && c !== '\n' && c.trim() !== '')) {
      return { ok: false, error: `Row ${records.length + 1}, field ${row.length + 1}: a quote (") in the middle of a field. Quote the whole field and write a quote inside it as "".` };
    } else if (c === delimiter) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      const error = endRow();
      if (error) return { ok: false, error };
    } else if (!wasQuoted) field += c;
    i += 1;
  }
  if (quoted) return { ok: false, error: `Row ${records.length + 1}: a quoted field is never closed (a " is missing).` };
  if (field !== '' || row.length > 0) {
    const error = endRow();
    if (error) return { ok: false, error };
  }
  const [head, ...rows] = records;
  if (!head) return { ok: false, error: 'The file is empty.' };
  if (rows.length === 0) return { ok: false, error: 'The file has a header row but no data rows.' };
  const header = uniqueNames(head.map((name, c) => name.trim() || `column ${c + 1}`));
  for (let r = 0; r < rows.length; r++) {
    const count = rows[r]!.length;
    if (count !== header.length) {
      return {
        ok: false,
        error: `Row ${r + 2} has ${count} value${count === 1 ? '' : 's'} but the header has ${header.length} columns (fields separated by ${DELIMITER_NAMES[delimiter]}).`,
      };
    }
  }
  return { ok: true, value: { header, rows, delimiter } };
}

/** The delimiter used most in the first line, outside quotes (commas when none is there). */
export function csvDelimiter(text: string): CsvCells['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: CsvCells['delimiter'] = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Repeated names get " (2)", " (3)" … so every column can be picked by name; the suffix skips a
 * name the file itself uses (`a, a, a (2)` becomes `a, a (2), a (2) (2)`).
 */
function uniqueNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
    used.add(unique);
    return unique;
  });
}
