import { describe, expect, it } from 'vitest';
import { erf, normalCdf } from './normalCdf';

describe('erf', () => {
  it('matches tabulated values to 1e-15', () => {
    // Values from the defining integral, to 16 digits (A&S table 7.1 and standard tables).
    const table: [number, number][] = [
      [0, 0],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [3, 0.9999779095030014],
      [5, 0.9999999999984626],
    ];
    for (const [x, want] of table) {
      expect(Math.abs(erf(x) - want)).toBeLessThan(1e-15);
      expect(Math.abs(erf(-x) + want)).toBeLessThan(1e-15);
    }
  });

  it('saturates to ±1 past 6 and passes NaN through', () => {
    expect(erf(7)).toBe(1);
    expect(erf(-40)).toBe(-1);
    expect(erf(Number.NaN)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it('gives the standard normal probabilities', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-3) - 0.0013498980316301)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(1e-15);
  });
});
