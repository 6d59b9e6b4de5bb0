import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../engine/config';
import { runJson, runJsonParse, RUN_FORMAT } from './runJson';
import { runMetricsEmpty, type RunRecord } from './runMetrics';

const META = { url: 'https://example.org/?v=1', exportedAt: new Date('2025-03-01T12:00:00Z') };

function sampleRun(): RunRecord {
  const metrics = runMetricsEmpty();
  metrics.trainLoss = { step: [1, 2, 3], value: [0.7, 0.6, NaN] };
  metrics.calibration = { step: [2], ece: [0.1], eceScaled: [0.05], nll: [0.4], nllScaled: [0.3] };
  metrics.telemetry = { step: [1], learningRate: [0.03], gradientNorm: [1.5], distanceFromInit: [0.2], meanLogitNorm: [2] };
  metrics.sharpness = { step: [2], eigenvalue: [10], threshold: [NaN] };
  return { step: 3, diverged: { step: 3, reason: 'loss is NaN' }, metrics };
}

describe('runJson', () => {
  it('round-trips the config and the metrics (non-finite values as NaN)', () => {
    const config: ExperimentConfig = structuredClone(DEFAULT_CONFIG);
    config.data.kind = 'spiral';
    config.optimizer.learningRate = 0.1;
    config.seed = 7;
    const text = runJson(config, [sampleRun()], META);
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(document).toMatchObject({ format: RUN_FORMAT, version: 1, url: META.url, exportedAt: '2025-03-01T12:00:00.000Z' });
    expect((document.runs as { loss: string }[])[0]!.loss).toBe('ce');
    expect((document.runs as { label: string }[])[0]!.label).toBe('A · CE');

    const parsed = runJsonParse(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config).toEqual(config);
    expect(parsed.notices).toEqual([]);
    expect(parsed.exportedAt?.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(parsed.runs).toEqual([sampleRun()]);
  });

  it('clamps an edited config and says what changed', () => {
    const document = JSON.parse(runJson(DEFAULT_CONFIG, [sampleRun()], META)) as { config: { model: { width: number } } };
    document.config.model.width = 1000;
    const parsed = runJsonParse(JSON.stringify(document));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config.model.width).toBe(64);
    expect(parsed.notices.length).toBeGreaterThan(0);
  });

  it('leaves out runs the config does not have', () => {
    const text = runJson(DEFAULT_CONFIG, [sampleRun(), sampleRun()], META);
    const parsed = runJsonParse(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.runs).toHaveLength(1);
    expect(parsed.notices.join(' ')).toMatch(/2 runs/);
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['a JSON array', '[1, 2]', /not a Losscape run file/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /"something-else"/],
    ['no format', JSON.stringify({ config: {} }), /no "format"/],
    ['a newer version', JSON.stringify({ format: RUN_FORMAT, version: 2, config: {}, runs: [] }), /version 2, newer/],
    ['no version', JSON.stringify({ format: RUN_FORMAT, config: {}, runs: [] }), /no valid version/],
    ['no config', JSON.stringify({ format: RUN_FORMAT, version: 1, runs: [] }), /no config/],
    ['no runs', JSON.stringify({ format: RUN_FORMAT, version: 1, config: {} }), /no list of runs/],
    ['a bad column', JSON.stringify({ format: RUN_FORMAT, version: 1, config: {}, runs: [{ metrics: { trainLoss: { step: [1], value: ['x'] } } }] }), /Run A.*trainLoss\.value/],
    ['ragged columns', JSON.stringify({ format: RUN_FORMAT, version: 1, config: {}, runs: [{ metrics: { trainLoss: { step: [1, 2], value: [1] } } }] }), /differ in length/],
  ])('refuses %s with a reason, without throwing', (_, text, reason) => {
    const parsed = runJsonParse(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });

  it('reads a minimal file: missing metrics are empty', () => {
    const parsed = runJsonParse(JSON.stringify({ format: RUN_FORMAT, version: 1, config: {}, runs: [{}] }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config).toEqual(DEFAULT_CONFIG);
    expect(parsed.runs[0]!.metrics).toEqual(runMetricsEmpty());
    expect(parsed.exportedAt).toBeNull();
  });

  it('keeps a divergence only with a finite step, and a hand-written reason short', () => {
    const file = (diverged: string) => `{"format":"${RUN_FORMAT}","version":1,"config":{},"runs":[{"diverged":${diverged}}]}`;
    const read = (diverged: string) => {
      const parsed = runJsonParse(file(diverged));
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.runs[0]!.diverged;
    };
    expect(read('{"step":1e999,"reason":"x"}')).toBeNull();
    expect(read('{"step":12,"reason":"loss NaN"}')).toEqual({ step: 12, reason: 'loss NaN' });
    expect(read(`{"step":3,"reason":"${'r'.repeat(5000)}"}`)!.reason).toHaveLength(201);
  });

  it('reads prototype keys as plain data, polluting nothing', () => {
    const parsed = runJsonParse(`{"__proto__":{"polluted":1},"format":"${RUN_FORMAT}","version":1,"config":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"data":{"__proto__":{"kind":"spiral"}}},"runs":[]}`);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.config).toEqual(DEFAULT_CONFIG);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
