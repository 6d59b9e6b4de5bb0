// Steps a second for the header's read-out, over the last second of training rather than one
// frame: a frame's own rate (its steps over the time since the last frame) swings from 30 to 400
// when frames arrive unevenly, though training runs steadily. Hand-written: a sliding window over
// (step, time) pairs is a few lines, and d3-array has no running rate.

export interface RateWindow {
  /** Adds the step reached at `timeMs`; returns steps a second over the window, or null with too little to tell. */
  add(step: number, timeMs: number): number | null;
  reset(): void;
}

export function rateWindowCreate(spanMs = 1000): RateWindow {
  let samples: { step: number; time: number }[] = [];
  return {
    add(step, time) {
      const last = samples[samples.length - 1];
      // A step going back is a reset or a new run: start over.
      if (last && (step < last.step || time < last.time)) samples = [];
      samples.push({ step, time });
      // The window starts at the newest sample no later than spanMs ago.
      while (samples.length > 2 && samples[1]!.time <= time - spanMs) samples.shift();
      const first = samples[0]!;
      return samples.length < 2 || time <= first.time ? null : ((step - first.step) * 1000) / (time - first.time);
    },
    reset() {
      samples = [];
    },
  };
}
