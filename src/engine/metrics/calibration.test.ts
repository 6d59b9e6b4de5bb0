import { describe, expect, it } from 'vitest';
import { calibrationBinIndex, calibrationReport } from './calibration';

// Five binary examples with probabilities that are exact in float32 (multiples of 1/16), so bin
// edges are hit exactly where intended.
//   ex  p            y  top conf  predicted  correct
//   0   (.875, .125)  0  .875      0          yes
//   1   (.75, .25)    1  .75       0          no     (on the edge .75: bin (.5, .75])
//   2   (.375, .625)  1  .625      1          yes
//   3   (.5, .5)      1  .5        0 (first)  no     (on the edge .5: bin (.25, .5])
//   4   (.0625, .9375) 0 .9375     1          no
const PROBS = Float32Array.from([0.875, 0.125, 0.75, 0.25, 0.375, 0.625, 0.5, 0.5, 0.0625, 0.9375]);
const LABELS = Int32Array.from([0, 1, 1, 1, 0]);

describe('calibrationReport, equal-width bins', () => {
  // B = 4: (0, .25] (.25, .5] (.5, .75] (.75, 1]
  //   bin 0: empty
  //   bin 1: {3}     acc 0,   conf .5                   gap .5
  //   bin 2: {1, 2}  acc 1/2, conf (.75 + .625)/2 = .6875  gap .1875
  //   bin 3: {0, 4}  acc 1/2, conf (.875 + .9375)/2 = .90625 gap .40625
  const report = calibrationReport(PROBS, LABELS, 2, { bins: 4 });

  it('bins with counts, accuracy and confidence; the empty bin reported as empty', () => {
    expect(report.bins.map((b) => b.count)).toEqual([0, 1, 2, 2]);
    expect(report.bins[0]).toEqual({ lower: 0, upper: 0.25, count: 0, accuracy: null, confidence: null });
    expect(report.bins.map((b) => b.accuracy)).toEqual([null, 0, 0.5, 0.5]);
    expect(report.bins.map((b) => b.confidence)).toEqual([null, 0.5, 0.6875, 0.90625]);
  });

  it('ECE = Σ (|B_b|/n)|acc_b − conf_b|, MCE over non-empty bins', () => {
    // ECE = (1/5)(.5) + (2/5)(.1875) + (2/5)(.40625) = .1 + .075 + .1625 = .3375
    expect(report.ece).toBeCloseTo(0.3375, 12);
    // MCE = max(.5, .1875, .40625) = .5 (the empty bin does not count as a gap of 0 or 1)
    expect(report.mce).toBeCloseTo(0.5, 12);
  });

  it('accuracy, Brier and NLL', () => {
    // correct: examples 0 and 2 → 2/5
    expect(report.accuracy).toBeCloseTo(0.4, 12);
    // Σ_k (p_k − e_k)²: .015625·2 = .03125; .5625·2 = 1.125; .140625·2 = .28125; .25·2 = .5; .87890625·2 = 1.7578125
    // sum 3.6953125 / 5 = .7390625
    expect(report.brier).toBeCloseTo(0.7390625, 12);
    // −ln p_y: −ln .875 = .1335313926, −ln .25 = 1.3862943611, −ln .625 = .4700036292, −ln .5 = .6931471806,
    // −ln .0625 = 2.7725887222; sum 5.4555652857 / 5 = 1.0911130571
    expect(report.nll).toBeCloseTo(1.0911130571, 9);
  });

  it('confidence histogram split into correct and wrong', () => {
    expect(report.histogram.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(report.histogram.correct).toEqual([0, 0, 1, 1]); // ex 2 (.625), ex 0 (.875)
    expect(report.histogram.wrong).toEqual([0, 1, 1, 1]); // ex 3 (.5), ex 1 (.75), ex 4 (.9375)
  });

  it('uses 15 bins by default', () => {
    expect(calibrationReport(PROBS, LABELS, 2).bins).toHaveLength(15);
  });
});

describe('calibrationReport, equal-mass bins', () => {
  // Sorted confidences: .5 (ex 3), .625 (ex 2), .75 (ex 1), .875 (ex 0), .9375 (ex 4).
  it('B = 2 splits the ranks 2 + 3', () => {
    // bin 0 = {3, 2}: acc 1/2, conf .5625, gap .0625;  bin 1 = {1, 0, 4}: acc 1/3, conf 2.5625/3 = .8541666…, gap .5208333…
    // ECE = (2/5)(.0625) + (3/5)(.5208333…) = .025 + .3125 = .3375; MCE = .5208333…
    const report = calibrationReport(PROBS, LABELS, 2, { bins: 2, binning: 'equal-mass' });
    expect(report.bins.map((b) => b.count)).toEqual([2, 3]);
    expect(report.bins.map((b) => [b.lower, b.upper])).toEqual([
      [0, 0.625],
      [0.625, 0.9375],
    ]);
    expect(report.bins[1]!.confidence).toBeCloseTo(2.5625 / 3, 12);
    expect(report.ece).toBeCloseTo(0.3375, 12);
    expect(report.mce).toBeCloseTo(1.5625 / 3, 12); // 2.5625/3 − 1/3 = 1.5625/3 = .5208333…
  });

  it('B = 8 > n leaves empty bins, excluded from MCE', () => {
    // Rank boundaries ⌊5b/8⌋ = 0 0 1 1 2 3 3 4 5: bins 0, 2 and 5 are empty; the others hold one example each,
    // with gaps |0 − .5| = .5, |1 − .625| = .375, |0 − .75| = .75, |1 − .875| = .125, |0 − .9375| = .9375.
    // ECE = (.5 + .375 + .75 + .125 + .9375)/5 = 2.6875/5 = .5375; MCE = .9375
    const report = calibrationReport(PROBS, LABELS, 2, { bins: 8, binning: 'equal-mass' });
    expect(report.bins.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 0, 1, 1]);
    expect(report.bins.filter((b) => b.count === 0).every((b) => b.accuracy === null && b.confidence === null)).toBe(true);
    expect(report.ece).toBeCloseTo(0.5375, 12);
    expect(report.mce).toBeCloseTo(0.9375, 12);
  });
});

describe('calibrationBinIndex', () => {
  it('puts each edge m/B in the bin below it, (lo, hi], and 0 in the first bin', () => {
    for (const bins of [4, 10, 15, 20]) {
      for (let m = 1; m <= bins; m++) expect(calibrationBinIndex(m / bins, bins)).toBe(m - 1);
      expect(calibrationBinIndex(0, bins)).toBe(0);
    }
    expect(calibrationBinIndex(0.25 + 1e-9, 4)).toBe(1);
  });
});

describe('calibrationReport, edge cases', () => {
  it('reports NaN rather than throwing on an empty split', () => {
    const report = calibrationReport(new Float32Array(0), new Int32Array(0), 3);
    expect(report.examples).toBe(0);
    expect(report.ece).toBeNaN();
    expect(report.bins.every((b) => b.count === 0)).toBe(true);
  });

  it('throws when the shapes disagree', () => {
    expect(() => calibrationReport(new Float32Array(5), new Int32Array(2), 3)).toThrow('calibration: 5 probabilities for 2 labels × 3 classes');
  });
});
