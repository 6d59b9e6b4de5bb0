import { describe, expect, it } from 'vitest';
import { SCHEDULES, scheduleById, scheduleLearningRate, scheduleParamsResolve, schedulePreview } from './schedules';

const lr = (id: string, step: number, total: number, params: Record<string, number> = {}): number =>
  scheduleLearningRate({ id, params }, 0.1, step, total);

describe('scheduleLearningRate', () => {
  it('constant', () => {
    expect(lr('constant', 0, 100)).toBe(0.1);
    expect(lr('constant', 500, 100)).toBe(0.1);
  });

  it('step: γ^⌊t/N⌋', () => {
    const p = { every: 10, gamma: 0.5 };
    expect(lr('step', 9, 100, p)).toBeCloseTo(0.1, 12); // ⌊9/10⌋ = 0
    expect(lr('step', 10, 100, p)).toBeCloseTo(0.05, 12); // 0.1·0.5
    expect(lr('step', 35, 100, p)).toBeCloseTo(0.0125, 12); // 0.1·0.5³
  });

  it('cosine: f + (1 − f)·½(1 + cos πt/T)', () => {
    expect(lr('cosine', 0, 100)).toBeCloseTo(0.1, 12);
    expect(lr('cosine', 50, 100)).toBeCloseTo(0.05, 12); // cos(π/2) = 0
    expect(lr('cosine', 25, 100)).toBeCloseTo(0.1 * 0.5 * (1 + Math.SQRT1_2), 12); // ≈ 0.0853553
    expect(lr('cosine', 100, 100, { final: 0.1 })).toBeCloseTo(0.01, 12);
    expect(lr('cosine', 150, 100, { final: 0.1 })).toBeCloseTo(0.01, 12); // held past T
  });

  it('linear: 1 − t/T', () => {
    expect(lr('linear', 0, 200)).toBeCloseTo(0.1, 12);
    expect(lr('linear', 50, 200)).toBeCloseTo(0.075, 12);
    expect(lr('linear', 199, 200)).toBeCloseTo(0.0005, 12);
    expect(lr('linear', 300, 200)).toBe(0);
  });

  it('warmup + cosine', () => {
    // T = 100, warmup 0.1 → W = 10: (t + 1)/10, then cosine over the remaining 90 steps.
    const p = { warmup: 0.1, final: 0 };
    expect(lr('warmup-cosine', 0, 100, p)).toBeCloseTo(0.01, 12);
    expect(lr('warmup-cosine', 4, 100, p)).toBeCloseTo(0.05, 12);
    expect(lr('warmup-cosine', 10, 100, p)).toBeCloseTo(0.1, 12);
    expect(lr('warmup-cosine', 55, 100, p)).toBeCloseTo(0.05, 12); // (55 − 10)/90 = ½
    expect(lr('warmup-cosine', 100, 100, p)).toBeCloseTo(0, 12);
  });

  it('warmup–stable–decay', () => {
    // T = 100, W = 5, D = 20: warmup (t + 1)/5, flat until t = 80, then linear to f = 0.1 at t = 100.
    const p = { warmup: 0.05, decay: 0.2, final: 0.1 };
    expect(lr('warmup-stable-decay', 0, 100, p)).toBeCloseTo(0.02, 12);
    expect(lr('warmup-stable-decay', 5, 100, p)).toBeCloseTo(0.1, 12);
    expect(lr('warmup-stable-decay', 79, 100, p)).toBeCloseTo(0.1, 12);
    expect(lr('warmup-stable-decay', 90, 100, p)).toBeCloseTo(0.1 * (1 - 0.9 * 0.5), 12); // 0.055
    expect(lr('warmup-stable-decay', 100, 100, p)).toBeCloseTo(0.01, 12);
  });

  it('a zero warmup or a zero decay is simply skipped', () => {
    expect(lr('warmup-cosine', 0, 100, { warmup: 0 })).toBeCloseTo(0.1, 12);
    expect(lr('warmup-stable-decay', 99, 100, { warmup: 0, decay: 0 })).toBeCloseTo(0.1, 12);
  });

  it('clamps params and throws on an unknown schedule', () => {
    expect(scheduleParamsResolve(scheduleById('step'), { gamma: 7 })).toEqual({ every: 100, gamma: 1 });
    expect(() => lr('nope', 0, 10)).toThrow('unknown schedule: nope');
  });

  it('every schedule starts within (0, η] and never exceeds η', () => {
    for (const s of SCHEDULES) {
      for (let t = 0; t <= 120; t++) {
        const value = scheduleLearningRate({ id: s.id, params: {} }, 0.1, t, 100);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(0.1 + 1e-15);
      }
      expect(scheduleLearningRate({ id: s.id, params: {} }, 0.1, 0, 100)).toBeGreaterThan(0);
    }
  });
});

describe('schedulePreview', () => {
  it('samples evenly spaced integer steps, ends included', () => {
    // 1 − t/101 at t = 0, 25, 50, 75, 100
    const points = schedulePreview({ id: 'linear', params: {} }, 1, 101, 5);
    expect(points.map((p) => p.step)).toEqual([0, 25, 50, 75, 100]);
    expect(points.map((p) => p.learningRate)).toEqual([1, 76 / 101, 51 / 101, 26 / 101, 1 / 101].map((v) => expect.closeTo(v, 12)));
  });

  it('gives no more points than steps', () => {
    expect(schedulePreview({ id: 'constant', params: {} }, 1, 3, 50)).toHaveLength(3);
  });
});
