import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_FEATURES, INPUT_FEATURES, inputFeatureMatrix, inputFeaturesResolve } from './inputFeatures';

describe('inputFeatureMatrix', () => {
  it('computes all seven features by hand on two points', () => {
    // (x₁, x₂) = (0.5, -2) and (-1, 0.25).
    const out = inputFeatureMatrix([0.5, -2, -1, 0.25], 2, INPUT_FEATURES);
    const want = [
      [0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)],
      [-1, 0.25, 1, 0.0625, -0.25, Math.sin(-1), Math.sin(0.25)],
    ].flat();
    expect(out).toHaveLength(14);
    out.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
    expect(Math.sin(0.5)).toBeCloseTo(0.479425538604203, 15);
  });

  it('keeps only the chosen features, in catalogue order whatever order they are given in', () => {
    const x = Float32Array.from([3, 2, -1, 4]);
    expect(Array.from(inputFeatureMatrix(x, 2, ['x1x2', 'x1sq']))).toEqual([9, 6, 1, -4]);
    expect(inputFeatureMatrix(x, 2, ['x1sq', 'x1x2'])).toEqual(inputFeatureMatrix(x, 2, ['x1x2', 'x1sq']));
    expect(Array.from(inputFeatureMatrix(x, 2, DEFAULT_INPUT_FEATURES))).toEqual([3, 2, -1, 4]);
  });

  it('works on 1-D inputs with the features of x₁', () => {
    expect(Array.from(inputFeatureMatrix([2, -3], 1, ['sinx1', 'x1', 'x1sq']))).toEqual(
      [2, 4, Math.sin(2), -3, 9, Math.sin(-3)].map((v) => Math.fround(v)),
    );
  });

  it('turns bad input into a clear message', () => {
    expect(() => inputFeatureMatrix([1, 2], 2, [])).toThrow('pick at least one input feature');
    expect(() => inputFeatureMatrix([1, 2], 2, ['x3'])).toThrow('unknown input feature: x3');
    expect(() => inputFeatureMatrix([1, 2], 1, ['x1', 'x2sq'])).toThrow('input feature x₂² needs two input columns; this data has 1');
    expect(() => inputFeatureMatrix([1, 2, 3], 2, ['x1'])).toThrow('3 input values do not make rows of 2');
    expect(() => inputFeatureMatrix([1, 2, 3], 3, ['x1'])).toThrow('1 or 2 input columns, not 3');
  });

  it('ignores a feature listed twice', () => {
    expect(inputFeaturesResolve(['x2', 'x1', 'x2'], 2)).toEqual(['x1', 'x2']);
  });

  it('gives an empty matrix for no points', () => {
    expect(inputFeatureMatrix([], 2, ['x1', 'x2'])).toHaveLength(0);
  });
});
