import { clampNumber } from '../clamp';

/**
 * Learning-rate schedules, as a multiplier f(t) ∈ [0, 1] of the base rate η. Step t counts from 0
 * (the first update) and T is the planned number of steps; past T every schedule holds its final value.
 */

export interface ScheduleParamSpec {
  id: string;
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
}

export type ScheduleParams = Readonly<Record<string, number>>;

export interface ScheduleSpec {
  id: string;
  name: string;
  /** KaTeX source of the multiplier, p = t/T. */
  tex: string;
  params: readonly ScheduleParamSpec[];
  /** The multiplier at step t of T, with every param present. */
  factor(step: number, totalSteps: number, params: ScheduleParams): number;
}

/** A schedule as the config holds it. */
export interface Schedule {
  id: string;
  params: Readonly<Record<string, unknown>>;
}

const FINAL: ScheduleParamSpec = { id: 'final', label: 'final fraction', default: 0, min: 0, max: 1, step: 0.01 };
const WARMUP: ScheduleParamSpec = { id: 'warmup', label: 'warmup fraction', default: 0.05, min: 0, max: 0.5, step: 0.01 };

/** ½(1 + cos πp) from 1 at p = 0 down to `final` at p = 1. */
function cosineFactor(progress: number, final: number): number {
  const p = Math.min(1, Math.max(0, progress));
  return final + (1 - final) * 0.5 * (1 + Math.cos(Math.PI * p));
}

/** Linear warmup over the first W = round(warmup·T) steps: (t + 1)/W, so the first step is not wasted at 0. */
function warmupSteps(totalSteps: number, fraction: number): number {
  return Math.min(totalSteps, Math.round(fraction * totalSteps));
}

const constant: ScheduleSpec = {
  id: 'constant',
  name: 'Constant',
  tex: '1',
  params: [],
  factor: () => 1,
};

const step: ScheduleSpec = {
  id: 'step',
  name: 'Step decay',
  tex: '\\gamma^{\\lfloor t / N \\rfloor}',
  params: [
    { id: 'every', label: 'every N steps', default: 100, min: 1, max: 100000, step: 1 },
    { id: 'gamma', label: 'γ', default: 0.5, min: 0.01, max: 1, step: 0.01 },
  ],
  factor: (t, _T, p) => p.gamma! ** Math.floor(t / Math.max(1, Math.round(p.every!))),
};

const cosine: ScheduleSpec = {
  id: 'cosine',
  name: 'Cosine',
  tex: 'f + (1 - f)\\,\\tfrac12\\big(1 + \\cos \\pi p\\big)',
  params: [FINAL],
  // Loshchilov & Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts", one cycle, no restart.
  factor: (t, T, p) => cosineFactor(t / T, p.final!),
};

const linear: ScheduleSpec = {
  id: 'linear',
  name: 'Linear decay',
  tex: '1 - t/T',
  params: [],
  // Defazio et al. 2023, "When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement".
  factor: (t, T) => Math.max(0, 1 - t / T),
};

const warmupCosine: ScheduleSpec = {
  id: 'warmup-cosine',
  name: 'Warmup + cosine',
  tex: 't < W:\\ \\tfrac{t+1}{W};\\quad \\text{else } f + (1 - f)\\,\\tfrac12\\big(1 + \\cos \\pi \\tfrac{t - W}{T - W}\\big)',
  params: [WARMUP, FINAL],
  factor: (t, T, p) => {
    const W = warmupSteps(T, p.warmup!);
    if (t < W) return (t + 1) / W;
    return T > W ? cosineFactor((t - W) / (T - W), p.final!) : 1;
  },
};

const warmupStableDecay: ScheduleSpec = {
  id: 'warmup-stable-decay',
  name: 'Warmup–stable–decay',
  tex: 't < W:\\ \\tfrac{t+1}{W};\\quad t < T - D:\\ 1;\\quad \\text{else } 1 - (1 - f)\\tfrac{t - (T - D)}{D}',
  params: [WARMUP, { id: 'decay', label: 'decay fraction', default: 0.2, min: 0, max: 1, step: 0.01 }, FINAL],
  // Hu et al. 2024, "MiniCPM: Unveiling the Potential of Small Language Models…", and Hägele et al. 2024,
  // "Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations" (linear cooldown).
  factor: (t, T, p) => {
    const W = warmupSteps(T, p.warmup!);
    const D = Math.min(T - W, Math.round(p.decay! * T));
    if (t < W) return (t + 1) / W;
    const decayStart = T - D;
    if (t < decayStart || D === 0) return 1;
    return 1 - (1 - p.final!) * Math.min(1, (t - decayStart) / D);
  },
};

/** Every schedule the app offers, in menu order. */
export const SCHEDULES: readonly ScheduleSpec[] = [constant, step, cosine, linear, warmupCosine, warmupStableDecay];

const BY_ID = new Map(SCHEDULES.map((s) => [s.id, s]));

/** The schedule with this id; throws on an unknown id, naming it. */
export function scheduleById(id: string): ScheduleSpec {
  const schedule = BY_ID.get(id);
  if (!schedule) throw new Error(`unknown schedule: ${id}`);
  return schedule;
}

/** Defaults filled in and every value clamped to its range. */
export function scheduleParamsResolve(schedule: ScheduleSpec, given: Readonly<Record<string, unknown>> = {}): Record<string, number> {
  const params: Record<string, number> = {};
  for (const spec of schedule.params) params[spec.id] = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
  return params;
}

/**
 * The learning rate for step `step` (0 = the first update) of `totalSteps`. Params are resolved
 * (defaulted and clamped) here, so any config is safe; totalSteps is taken as at least 1.
 */
export function scheduleLearningRate(schedule: Schedule, baseLr: number, step: number, totalSteps: number): number {
  const spec = scheduleById(schedule.id);
  const T = Math.max(1, Math.round(totalSteps));
  const t = Math.max(0, step);
  return baseLr * spec.factor(t, T, scheduleParamsResolve(spec, schedule.params));
}

export interface SchedulePoint {
  step: number;
  learningRate: number;
}

/**
 * `points` samples of the schedule at integer steps spread evenly over 0 … T − 1 (both ends
 * included; fewer when T < points), for the preview chart.
 */
export function schedulePreview(schedule: Schedule, baseLr: number, totalSteps: number, points: number): SchedulePoint[] {
  const T = Math.max(1, Math.round(totalSteps));
  const n = Math.max(1, Math.min(T, Math.round(points)));
  const spec = scheduleById(schedule.id);
  const params = scheduleParamsResolve(spec, schedule.params);
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 0 : Math.round((i * (T - 1)) / (n - 1));
    return { step: t, learningRate: baseLr * spec.factor(t, T, params) };
  });
}
