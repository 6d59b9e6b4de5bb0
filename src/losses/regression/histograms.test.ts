import { describe, expect, it } from 'vitest';
import { binCentres, binEdges, binWidth, regressionSupport } from './bins';
import { hlGauss, hlGaussHistogram } from './hlGauss';
import { regressionLossParamsResolve } from './regressionLosses';
import { regressionValueTf, TEST_SUPPORT } from './regressionTesting';
import { twoHot, twoHotHistogram } from './twoHot';
import type { RegressionSupport } from './types';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const meanOver = (histogram: readonly number[], centres: readonly number[]): number => sum(histogram.map((p, i) => p * centres[i]!));
const grid = (lo: number, hi: number, count: number): number[] => Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));

describe('bins', () => {
  it('places m equal bins over the support, centres halfway between edges', () => {
    const support = { vMin: -1, vMax: 3 };
    expect(binWidth(support, 4)).toBe(1);
    expect(binEdges(support, 4)).toEqual([-1, 0, 1, 2, 3]);
    expect(binCentres(support, 4)).toEqual([-0.5, 0.5, 1.5, 2.5]);
  });

  it('rejects an empty or reversed support with a clear message', () => {
    expect(() => binWidth({ vMin: 1, vMax: 1 }, 4)).toThrow('v_min < v_max, got [1, 1]');
    expect(() => binWidth({ vMin: 0, vMax: Number.NaN }, 4)).toThrow('finite interval');
  });

  it('widens the targets’ range by the margin on each side', () => {
    const support = regressionSupport([2, -1, 0.5, 1]);
    expect(support.vMin).toBeCloseTo(-1.3, 12);
    expect(support.vMax).toBeCloseTo(2.3, 12);
    expect(regressionSupport(Float32Array.from([4, 4]))).toEqual({ vMin: 3.5, vMax: 4.5 });
    expect(() => regressionSupport([])).toThrow('there are no targets');
    expect(() => regressionSupport([1, Number.NaN])).toThrow('a target is NaN');
  });
});

describe('HL-Gauss target histogram', () => {
  const sets = [
    { bins: 32, sigma: 0.75 },
    { bins: 4, sigma: 0.1 },
    { bins: 128, sigma: 3 },
    { bins: 51, sigma: 0.1 },
    { bins: 8, sigma: 3 },
  ];

  it('is N(y, σ²) integrated over each bin, by hand: 4 bins over [0, 4], σ = 1, y = 2', () => {
    // Φ(1) and Φ(2) from standard tables; by symmetry the four bins hold Φ(2)−Φ(1), Φ(1)−½, Φ(1)−½, Φ(2)−Φ(1).
    const [phi1, phi2] = [0.8413447460685429, 0.9772498680518208];
    const total = 2 * phi2 - 1;
    const want = [phi2 - phi1, phi1 - 0.5, phi1 - 0.5, phi2 - phi1].map((p) => p / total);
    hlGaussHistogram(2, { bins: 4, sigma: 1 }, { vMin: 0, vMax: 4 }).forEach((p, i) => expect(Math.abs(p - want[i]!)).toBeLessThan(1e-14));
  });

  it('sums to 1 and is non-negative for targets inside and outside the support', () => {
    for (const params of sets) {
      for (const y of grid(TEST_SUPPORT.vMin - 2, TEST_SUPPORT.vMax + 2, 97)) {
        const histogram = hlGaussHistogram(y, params, TEST_SUPPORT);
        expect(histogram).toHaveLength(params.bins);
        expect(Math.abs(sum(histogram) - 1)).toBeLessThan(1e-12);
        histogram.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
      }
    }
  });

  it('has its mean over the bin centres within half a bin of the clipped target wherever the Gaussian fits inside the support', () => {
    for (const params of sets) {
      const width = binWidth(TEST_SUPPORT, params.bins);
      const reach = 3 * params.sigma * width;
      const centres = binCentres(TEST_SUPPORT, params.bins);
      if (TEST_SUPPORT.vMin + reach >= TEST_SUPPORT.vMax - reach) continue;
      for (const y of grid(TEST_SUPPORT.vMin + reach, TEST_SUPPORT.vMax - reach, 101)) {
        expect(Math.abs(meanOver(hlGaussHistogram(y, params, TEST_SUPPORT), centres) - y)).toBeLessThanOrEqual(width / 2);
      }
    }
  });

  it('at the default σ = 0.75 bin widths, has its mean within 1 % of a bin of the target away from the edges', () => {
    const width = binWidth(TEST_SUPPORT, 32);
    const centres = binCentres(TEST_SUPPORT, 32);
    for (const y of grid(TEST_SUPPORT.vMin + 3 * width, TEST_SUPPORT.vMax - 3 * width, 301)) {
      expect(Math.abs(meanOver(hlGaussHistogram(y, { bins: 32, sigma: 0.75 }, TEST_SUPPORT), centres) - y)).toBeLessThan(0.01 * width);
    }
  });

  it('clips targets to the support; at an edge the truncation pulls the mean inwards by at most σ√(2/π) + half a bin', () => {
    for (const params of sets) {
      const width = binWidth(TEST_SUPPORT, params.bins);
      const centres = binCentres(TEST_SUPPORT, params.bins);
      const bound = params.sigma * width * Math.sqrt(2 / Math.PI) + width / 2;
      expect(hlGaussHistogram(TEST_SUPPORT.vMax + 5, params, TEST_SUPPORT)).toEqual(hlGaussHistogram(TEST_SUPPORT.vMax, params, TEST_SUPPORT));
      const top = meanOver(hlGaussHistogram(TEST_SUPPORT.vMax, params, TEST_SUPPORT), centres);
      const bottom = meanOver(hlGaussHistogram(TEST_SUPPORT.vMin - 5, params, TEST_SUPPORT), centres);
      expect(top).toBeLessThan(TEST_SUPPORT.vMax);
      expect(TEST_SUPPORT.vMax - top).toBeLessThanOrEqual(bound);
      expect(bottom).toBeGreaterThan(TEST_SUPPORT.vMin);
      expect(bottom - TEST_SUPPORT.vMin).toBeLessThanOrEqual(bound);
    }
  });

  it('is minimised by logits equal to the log target histogram, whose prediction is the histogram mean', () => {
    const params = regressionLossParamsResolve(hlGauss);
    const support: RegressionSupport = { vMin: -2, vMax: 2 };
    const target = 0.37;
    const histogram = hlGaussHistogram(target, params, support);
    // Tail bins hold 0 in float64; −∞ logits would make the softmax NaN, 1e−30 is as good as 0 here.
    const best = histogram.map((p) => Math.log(Math.max(p, 1e-30)));
    const entropy = -sum(histogram.map((p) => (p > 0 ? p * Math.log(p) : 0)));
    // Raise the logit of the bin the target lies in: more mass there than the target has costs more.
    const own = Math.floor((target - support.vMin) / binWidth(support, params.bins!));
    const shifted = best.map((z, i) => z + (i === own ? 0.5 : 0));
    const [atBest, atShifted] = regressionValueTf(hlGauss, { outputs: [best, shifted], targets: [target, target], support }, params);
    expect(atBest).toBeCloseTo(entropy, 4);
    expect(atShifted).toBeGreaterThan(atBest! + 1e-4);
    expect(Math.abs(hlGauss.predictReference(best, params, support) - target)).toBeLessThan(0.01 * binWidth(support, params.bins!));
  });
});

describe('two-hot target histogram', () => {
  it('puts the mass on the two neighbouring centres, by hand: centres −0.5, 0.5, 1.5, 2.5 and y = 1.2', () => {
    const histogram = twoHotHistogram(1.2, { bins: 4 }, { vMin: -1, vMax: 3 });
    [0, 0.3, 0.7, 0].forEach((want, i) => expect(histogram[i]).toBeCloseTo(want, 14));
  });

  it('has its expectation equal to the target exactly, clipped to the outer centres', () => {
    for (const bins of [4, 32, 127, 128]) {
      const centres = binCentres(TEST_SUPPORT, bins);
      for (const y of grid(TEST_SUPPORT.vMin - 1, TEST_SUPPORT.vMax + 1, 203).concat(centres)) {
        const histogram = twoHotHistogram(y, { bins }, TEST_SUPPORT);
        const clipped = Math.min(centres[bins - 1]!, Math.max(centres[0]!, y));
        expect(Math.abs(meanOver(histogram, centres) - clipped)).toBeLessThan(1e-14);
        expect(Math.abs(sum(histogram) - 1)).toBeLessThan(1e-15);
        const nonZero = histogram.flatMap((p, i) => (p !== 0 ? [i] : []));
        expect(nonZero.length).toBeLessThanOrEqual(2);
        expect(nonZero[nonZero.length - 1]! - nonZero[0]!).toBeLessThanOrEqual(1);
        histogram.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
      }
    }
  });

  it('is a one-hot target on a bin centre, so its loss there is −log softmax of that bin', () => {
    const support = { vMin: -1, vMax: 3 };
    const logits = [0.3, -1, 2, 0.5];
    const [value] = regressionValueTf(twoHot, { outputs: [logits], targets: [1.5], support }, { bins: 4 });
    const logSum = Math.log(sum(logits.map(Math.exp)));
    expect(value).toBeCloseTo(logSum - 2, 5);
  });
});
