import { describe, expect, it } from 'vitest';
import { rng } from '../rng';
import { softmaxRows, temperatureFit, temperatureNll } from './temperature';

/** n examples of K logits z ~ scale·N(0, 1), labels drawn from softmax(z/T_true) with a seeded generator. */
function syntheticCase(seed: number, n: number, classes: number, scale: number, temperature: number): { logits: Float32Array; labels: Int32Array } {
  const random = rng(seed);
  const logits = Float32Array.from({ length: n * classes }, () => scale * random.normal());
  const probabilities = softmaxRows(logits, classes, temperature);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let u = random.next();
    let k = 0;
    while (k < classes - 1 && u >= probabilities[i * classes + k]!) u -= probabilities[i * classes + k++]!;
    labels[i] = k;
  }
  return { logits, labels };
}

describe('temperatureNll and softmaxRows', () => {
  it('match hand values', () => {
    // z = (0, ln 3): softmax = (1/4, 3/4); at T = 1, NLL of y = 1 is −ln .75 = .2876820725
    // at T = 2: z/T = (0, ln √3), softmax = (1/(1 + √3), √3/(1 + √3)) = (.3660254038, .6339745962)
    const logits = Float32Array.from([0, Math.log(3)]);
    expect(temperatureNll(logits, Int32Array.from([1]), 2, 1)).toBeCloseTo(0.2876820725, 6);
    const p = softmaxRows(logits, 2, 2);
    expect(p[0]).toBeCloseTo(0.3660254038, 6);
    expect(p[1]).toBeCloseTo(0.6339745962, 6);
  });

  it('stays finite on large logits', () => {
    expect(temperatureNll(Float32Array.from([1000, -1000]), Int32Array.from([1]), 2, 1)).toBeCloseTo(2000, 3);
  });
});

describe('temperatureFit', () => {
  it.each([
    [1, 2],
    [2, 0.5],
    [3, 1],
  ])('recovers T within 2 percent (seed %i, T = %s)', (seed, trueTemperature) => {
    const { logits, labels } = syntheticCase(seed, 50000, 4, 1.5 * trueTemperature, trueTemperature);
    const fit = temperatureFit(logits, labels, 4);
    expect(Math.abs(fit.temperature / trueTemperature - 1)).toBeLessThan(0.02);
    expect(fit.nllAfter).toBeLessThanOrEqual(fit.nllBefore + 1e-12);
    expect(fit.atBound).toBe(false);
  });

  it('reports hitting the end of the range on separable data', () => {
    // Labels are the arg-max: NLL keeps falling as T → 0.
    const { logits } = syntheticCase(4, 200, 3, 2, 1);
    const labels = Int32Array.from({ length: 200 }, (_, i) => {
      const row = Array.from(logits.subarray(3 * i, 3 * i + 3));
      return row.indexOf(Math.max(...row));
    });
    const fit = temperatureFit(logits, labels, 3);
    expect(fit.atBound).toBe(true);
    expect(fit.temperature).toBeCloseTo(0.05, 4);
  });
});
