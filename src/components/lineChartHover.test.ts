import { describe, expect, it } from 'vitest';
import { lineChartHoverAt, lineChartHoverText } from './lineChartHover';

describe('lineChartHoverAt', () => {
  const train = { name: 'train', colour: '#000', steps: [1, 2, 3, 4, 5], values: [1, 0.8, 0.6, 0.5, 0.45] };
  const validation = { name: 'validation', colour: '#111', steps: [0, 10, 20], values: [1.1, 0.7, NaN] };

  it('reads each series at the point nearest the step', () => {
    expect(lineChartHoverAt([train], 3.4)).toEqual([{ name: 'train', colour: '#000', step: 3, value: 0.6 }]);
    expect(lineChartHoverAt([train], 99)[0]!.step).toBe(5);
    expect(lineChartHoverAt([train], -4)[0]!.step).toBe(1);
    expect(lineChartHoverAt([validation], 6)[0]!).toMatchObject({ step: 10, value: 0.7 });
  });

  it('skips a series whose nearest value is not finite, and empty series', () => {
    expect(lineChartHoverAt([validation, { ...train, steps: [], values: [] }], 19)).toEqual([]);
  });

  it('writes one step when the points share it, each step otherwise', () => {
    expect(lineChartHoverText(lineChartHoverAt([train], 2))).toBe('step 2 · train 0.8');
    expect(lineChartHoverText(lineChartHoverAt([train, validation], 4))).toBe('train 0.5 (step 4) · validation 1.1 (step 0)');
    expect(lineChartHoverText([{ name: 'λ', colour: '', step: 7, value: 0.000012346 }])).toBe('step 7 · λ 1.235e-5');
  });
});
