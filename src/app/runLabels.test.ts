import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { runLabelAt, runLabelNumber, runLabels } from './runLabels';

/** A clamped config from the base run's settings and the compare runs' partial variants. */
function config(base: Record<string, unknown>, runs: Record<string, unknown>[] = []) {
  return configClamp({ ...base, compare: { runs } }).config;
}

const texts = (base: Record<string, unknown>, runs: Record<string, unknown>[] = []): string[] => runLabels(config(base, runs)).map((l) => l.text);

describe('runLabels', () => {
  it('names a single run by its letter and loss', () => {
    expect(texts({ loss: { id: 'ce' } })).toEqual(['A · CE']);
  });

  it('names runs that differ only in the loss by their losses', () => {
    expect(texts({ loss: { id: 'ce' } }, [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }])).toEqual(['A · CE', 'B · MAE', 'C · GCE']);
  });

  it('adds mixup to the loss, and leaves the loss out where only the optimizer differs', () => {
    const base = { loss: { id: 'ce' }, optimizer: { id: 'adam', learningRate: 1 } };
    expect(texts(base, [{ training: { mixup: 0.2 } }, { optimizer: { id: 'adam', learningRate: 100 } }])).toEqual(['A · CE', 'B · CE + mixup', 'C · lr 100']);
  });

  it('shows a loss parameter that is not its default, and α when the mixups differ', () => {
    const labels = texts({ loss: { id: 'ce' } }, [{ loss: { id: 'focal', params: { gamma: 3 } } }, { loss: { id: 'focal' } }, { training: { mixup: 0.4 } }]);
    // C's focal keeps its default γ = 2 but B's differs, so both say theirs.
    expect(labels).toEqual(['A · CE', 'B · focal γ=3', 'C · focal γ=2', 'D · CE + mixup α=0.4']);
  });

  it('lists every optimizer and training option that differs from run A', () => {
    const base = { loss: { id: 'ce' }, optimizer: { id: 'adam', learningRate: 0.01, batchSize: 0 } };
    const [, b, c] = texts(base, [
      { optimizer: { id: 'sgd', learningRate: 0.1, batchSize: 32, weightDecay: 0.001 } },
      { loss: { id: 'mae', addons: { 'z-reg': {} } }, optimizer: { id: 'adam', learningRate: 0.01, params: { beta1: 0.8 }, schedule: { id: 'cosine' } }, training: { totalSteps: 500 } },
    ]);
    expect(b).toBe('B · SGD, lr 0.1, batch 32, wd 0.001');
    expect(c).toBe('C · MAE + z-reg, β₁=0.8, cosine, T 500');
  });

  it('says so when a run is the same as A', () => {
    expect(texts({ loss: { id: 'ce' } }, [{}])).toEqual(['A · CE', 'B · CE (as A)']);
  });

  it('keeps letter and detail apart for compact places', () => {
    const [, b] = runLabels(config({ loss: { id: 'ce' } }, [{ training: { mixup: 0.2 } }]));
    expect(b).toEqual({ letter: 'B', detail: 'CE + mixup', text: 'B · CE + mixup' });
    expect(runLabelAt([b!], 3)).toBe('D');
  });
});

describe('runLabelNumber', () => {
  it('writes numbers short', () => {
    expect(runLabelNumber(100)).toBe('100');
    expect(runLabelNumber(0.003)).toBe('0.003');
    expect(runLabelNumber(0.00001)).toBe('1e-5');
    expect(runLabelNumber(0.123456)).toBe('0.123');
    expect(runLabelNumber(2500)).toBe('2500');
  });
});
