import { describe, expect, it } from 'vitest';
import { lossShapeHeight, lossShapeMargins } from './lossShapeSize';

describe('lossShapeHeight', () => {
  it('keeps the designed 560 × 200 aspect where nothing limits it', () => {
    expect(lossShapeHeight(560, 11, Infinity)).toBe(200);
    expect(lossShapeHeight(840, 11, Infinity)).toBe(300);
  });

  it('stays under the height the dock leaves it', () => {
    expect(lossShapeHeight(840, 11, 150)).toBe(150);
  });

  it('never leaves the plot under three lines of type, however little room there is', () => {
    // 20 px type (a projector): margins 32 + 72, plus 60 for the plot.
    const m = lossShapeMargins(20);
    expect(m.top + m.bottom).toBe(104);
    expect(lossShapeHeight(300, 20, 110)).toBe(164);
    expect(lossShapeHeight(300, 11, 0)).toBe(lossShapeMargins(11).top + lossShapeMargins(11).bottom + 33);
  });

  it('grows the margins with the type', () => {
    const small = lossShapeMargins(11);
    const large = lossShapeMargins(20);
    for (const side of ['top', 'right', 'bottom', 'left'] as const) expect(large[side]).toBeGreaterThan(small[side]);
  });
});
