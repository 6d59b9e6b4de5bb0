import { describe, expect, it } from 'vitest';
import { rateWindowCreate } from './rateWindow';

describe('rateWindow', () => {
  it('gives the steady rate whatever the frames’ spacing', () => {
    // 300 steps a second, but frames bunched in pairs 16 ms apart with 384 ms gaps: the window's
    // rate is 300 at every frame.
    const window = rateWindowCreate(1000);
    const times = [0, 16, 400, 416, 800, 816, 1200, 1216, 1600, 1616, 2000];
    const rates = times.map((t) => window.add(0.3 * t, t));
    expect(rates[0]).toBeNull();
    for (const r of rates.slice(1)) expect(r).toBeCloseTo(300, 9);
  });

  it('follows a change of speed within about a second', () => {
    const window = rateWindowCreate(1000);
    let step = 0;
    let rate: number | null = null;
    for (let t = 0; t <= 3000; t += 100) {
      rate = window.add(step, t);
      step += t < 1500 ? 10 : 40; // 100 steps/s, then 400
    }
    expect(rate).toBeCloseTo(400, 9);
  });

  it('starts over when the step goes back (a reset) and after reset()', () => {
    const window = rateWindowCreate(1000);
    window.add(0, 0);
    expect(window.add(100, 500)).toBeCloseTo(200, 9);
    expect(window.add(5, 600)).toBeNull();
    expect(window.add(55, 700)).toBeCloseTo(500, 9);
    window.reset();
    expect(window.add(60, 800)).toBeNull();
  });
});
