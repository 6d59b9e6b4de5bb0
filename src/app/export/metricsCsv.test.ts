import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../engine/config';
import { csvField, metricsCsv, METRICS_CSV_HEADER } from './metricsCsv';
import { runMetricsEmpty, type RunRecord } from './runMetrics';

function record(change: (m: RunRecord['metrics']) => void): RunRecord {
  const metrics = runMetricsEmpty();
  change(metrics);
  return { step: metrics.trainLoss.step.at(-1) ?? 0, diverged: null, metrics };
}

/** RFC 4180 rows back into fields (quoted fields with doubled quotes, CRLF between rows). */
function csvParse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('metricsCsv', () => {
  it('writes a header and one row per recorded step, blanks where nothing was measured', () => {
    const run = record((m) => {
      m.trainLoss = { step: [1, 2, 3], value: [0.7, 0.6, 0.5] };
      m.validationLoss = { step: [2], value: [0.65] };
      m.validationAccuracy = { step: [2], value: [0.8] };
      m.calibration = { step: [3], ece: [0.1], eceScaled: [0.05], nll: [0.4], nllScaled: [0.35] };
      m.sharpness = { step: [4], eigenvalue: [12.5], threshold: [NaN] };
    });
    const rows = csvParse(metricsCsv([run], DEFAULT_CONFIG));
    expect(rows[0]).toEqual([...METRICS_CSV_HEADER]);
    expect(rows).toHaveLength(1 + 4);
    const column = (name: string) => METRICS_CSV_HEADER.indexOf(name as (typeof METRICS_CSV_HEADER)[number]);
    expect(rows[1]!.slice(0, 4)).toEqual(['A', 'ce', '1', '0.7']);
    expect(rows[1]![column('validation_loss')]).toBe('');
    expect(rows[2]![column('validation_loss')]).toBe('0.65');
    expect(rows[2]![column('validation_accuracy')]).toBe('0.8');
    expect(rows[3]![column('ece')]).toBe('0.1');
    expect(rows[3]![column('nll_temperature_scaled')]).toBe('0.35');
    expect(rows[4]![column('train_loss')]).toBe('');
    expect(rows[4]![column('lambda_max')]).toBe('12.5');
    expect(rows[4]![column('lambda_max_threshold')]).toBe('NaN');
    expect(rows.every((r) => r.length === METRICS_CSV_HEADER.length)).toBe(true);
  });

  it('names each run of a comparison and its loss, and writes non-finite losses as numbers', () => {
    const config: ExperimentConfig = structuredClone(DEFAULT_CONFIG);
    config.compare.runs = [{ loss: { id: 'focal', params: {}, addons: {} }, optimizer: config.optimizer, training: config.training }];
    const a = record((m) => (m.trainLoss = { step: [1], value: [0.5] }));
    const b = record((m) => (m.trainLoss = { step: [1, 2], value: [Infinity, NaN] }));
    const rows = csvParse(metricsCsv([a, b], config));
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['A', 'ce', '1', '0.5'],
      ['B', 'focal', '1', 'Infinity'],
      ['B', 'focal', '2', 'NaN'],
    ]);
    const name = METRICS_CSV_HEADER.indexOf('run_name');
    expect(rows.slice(1).map((r) => r[name])).toEqual(['A · CE', 'B · focal', 'B · focal']);
  });

  it('writes the test balanced accuracy, macro-F1 and one recall column per class of the data', () => {
    const run = record((m) => {
      m.trainLoss = { step: [1, 2], value: [0.7, 0.6] };
      const nan = [NaN];
      m.classMetrics = { step: [2], balancedAccuracy: [0.75], macroF1: [0.7], recall1: [1], recall2: [0.5], recall3: [NaN], recall4: nan, recall5: nan, recall6: nan };
    });
    const rows = csvParse(metricsCsv([run], DEFAULT_CONFIG));
    // Two classes recorded, so two recall columns after the fixed ones; a third class with no recall anywhere is left out.
    expect(rows[0]).toEqual([...METRICS_CSV_HEADER, 'test_recall_class_1', 'test_recall_class_2']);
    const column = (name: string) => rows[0]!.indexOf(name);
    expect(rows[2]![column('test_balanced_accuracy')]).toBe('0.75');
    expect(rows[2]![column('test_macro_f1')]).toBe('0.7');
    expect(rows[2]![column('test_recall_class_2')]).toBe('0.5');
    expect(rows[1]![column('test_macro_f1')]).toBe('');
  });

  it('quotes fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('ends every line with CRLF', () => {
    const text = metricsCsv([record((m) => (m.trainLoss = { step: [1], value: [1] }))], DEFAULT_CONFIG);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
  });
});
