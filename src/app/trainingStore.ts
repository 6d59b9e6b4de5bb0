import { create } from 'zustand';
import type { BackendInfo, BoundaryGrid, CalibrationFrame, DataPoints, FrameEvaluation, MoeFrame, PreferencePoint, SharpnessPoint, TelemetryPoint, TrainingFrame } from '../workers/protocol';
import { moeHistoryAppend, type MoeHistoryPoint } from './moeHistory';
import { Series } from './series';
import { classMetricsHistoryAppend, type ClassMetricsPoint } from './classMetricsHistory';
import { inputQuietRemaining } from './inputQuiet';

/** What one run has streamed back. */
export interface RunState {
  /** Steps this run has taken (a diverged run stops counting). */
  step: number;
  boundary: BoundaryGrid | null;
  trainLoss: Series;
  validationLoss: Series;
  validationAccuracy: Series;
  /** A regression's validation MSE over training (empty when classifying). */
  validationMse: Series;
  /** Balanced accuracy, macro-F1 and per-class recall of the test split over training. */
  classMetricsHistory: readonly ClassMetricsPoint[];
  /** Steps per second and worker tensor count, from the latest frame. */
  latest: Pick<TrainingFrame, 'stepsPerSecond' | 'tensors'> | null;
  /** The latest held-out metrics. */
  evaluation: FrameEvaluation | null;
  /** The latest calibration of the test split. */
  calibration: CalibrationFrame | null;
  /** ECE and NLL before / after temperature scaling, over training. */
  calibrationHistory: { step: number; ece: number; eceScaled: number; nll: number; nllScaled: number }[];
  /** Gradient telemetry over training (thinned to a bounded length). */
  telemetry: TelemetryPoint[];
  sharpness: SharpnessPoint[];
  /** max |θᵢ| over the latest weights the run sent (a lesson's claim may look at it). */
  weightMaxAbs: number | null;
  /** The step and reason when the run diverged. */
  diverged: { step: number; reason: string } | null;
  /** A mixture of experts' latest routing (null for an MLP), and its loads and scores over training. */
  moe: MoeFrame | null;
  moeHistory: readonly MoeHistoryPoint[];
  /** Task 'preference': the policy's probe points over training. */
  preference: readonly PreferencePoint[];
}

/** What the trainer worker has streamed back, as the views read it. */
export interface TrainingState {
  backend: BackendInfo | null;
  /** Set when no backend could start at all. */
  backendError: string | null;
  playing: boolean;
  /** The furthest step any run has reached. */
  step: number;
  points: DataPoints | null;
  /** One entry per run: the base run first, then the compare runs in order. */
  runs: RunState[];
  /** The last error the worker reported, in words. */
  error: string | null;
  /** Bumped on every frame so charts know to redraw (the series mutate in place). */
  frameCount: number;
}

export function runStateEmpty(): RunState {
  return {
    step: 0,
    boundary: null,
    trainLoss: new Series(),
    validationLoss: new Series(),
    validationAccuracy: new Series(),
    validationMse: new Series(),
    classMetricsHistory: [],
    latest: null,
    evaluation: null,
    calibration: null,
    calibrationHistory: [],
    telemetry: [],
    sharpness: [],
    weightMaxAbs: null,
    diverged: null,
    moe: null,
    moeHistory: [],
    preference: [],
  };
}

export const useTrainingStore = create<TrainingState>(() => ({
  backend: null,
  backendError: null,
  playing: false,
  step: 0,
  points: null,
  runs: [runStateEmpty()],
  error: null,
  frameCount: 0,
}));

/** The state of run `index` (the base run by default), for views that show one run. */
export function useRunState<T>(select: (run: RunState) => T, index = 0): T {
  return useTrainingStore((s) => select(s.runs[index] ?? s.runs[0]!));
}

/** Longest a telemetry history grows before every other point is dropped. */
const TELEMETRY_CAPACITY = 500;

/**
 * Frames arrive up to 30 times a second per run; the views repaint at most this often. Frames in
 * between are folded into a draft, so no data is lost, only repaints.
 */
const REPAINT_INTERVAL_MS = 66;
/** A hidden page runs no animation frames; its store still catches up this often. */
const HIDDEN_FLUSH_MS = 250;
let draft: RunState[] | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let flushFallback: ReturnType<typeof setTimeout> | null = null;
let flushFrame = 0;
let lastFlush = -Infinity;
/** How long the views took to take in the last flush (React renders synchronously for a store). */
let lastFlushCost = 0;
/** The views get at most a third of the main thread; the rest stays free for input and paint. */
const FLUSH_SHARE = 1 / 3;
const MAX_REPAINT_INTERVAL_MS = 500;

/**
 * Flushes the draft at the start of an animation frame, at most once per REPAINT_INTERVAL_MS:
 * the views' work then lands just before a paint, once per paint, never between two paints
 * where it would delay the next one (or a keystroke's echo).
 */
function flushSchedule(): void {
  if (flushTimer !== null || flushFrame !== 0) return;
  flushTimer = setTimeout(
    () => {
      flushTimer = null;
      if (typeof requestAnimationFrame === 'function') flushFrame = requestAnimationFrame(() => (inputQuietRemaining() > 0 ? flushLater() : flushDraft()));
      flushFallback = setTimeout(() => flushDraft(), HIDDEN_FLUSH_MS);
    },
    // Right after a keystroke the next paint is the character's: the views' update waits a moment.
    Math.max(0, lastFlush + flushInterval() - performance.now(), inputQuietRemaining()),
  );
}

/** A key was pressed since the flush was scheduled: schedule it again, after the key's paint. */
function flushLater(): void {
  flushCancel();
  flushSchedule();
}

/** REPAINT_INTERVAL_MS, or longer while the views are slow to take a flush in (a busy or slow machine). */
function flushInterval(): number {
  return Math.min(MAX_REPAINT_INTERVAL_MS, Math.max(REPAINT_INTERVAL_MS, lastFlushCost / FLUSH_SHARE));
}

function flushCancel(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  if (flushFallback !== null) clearTimeout(flushFallback);
  if (flushFrame !== 0) cancelAnimationFrame(flushFrame);
  flushTimer = flushFallback = null;
  flushFrame = 0;
}

/** Applies the frames waiting for the next repaint now (when training stops, so its last numbers show at once). */
export function trainingStoreFlush(): void {
  flushDraft();
}

function flushDraft(): void {
  flushCancel();
  lastFlush = performance.now();
  const runs = draft;
  draft = null;
  if (!runs) return;
  useTrainingStore.setState((s) => ({ runs, step: Math.max(s.step, ...runs.map((r) => r.step)), frameCount: s.frameCount + 1 }));
  lastFlushCost = performance.now() - lastFlush;
}

/** Starts the histories afresh (new config or reset), for `runs` runs. */
export function trainingStoreClearRuns(runs: number): void {
  flushCancel();
  draft = null;
  useTrainingStore.setState({ step: 0, runs: Array.from({ length: Math.max(1, runs) }, runStateEmpty), error: null });
}

export function trainingStoreApplyFrame(index: number, frame: TrainingFrame): void {
  draft ??= [...useTrainingStore.getState().runs];
  const state = draft[index];
  if (!state) return;
  frame.losses.forEach((loss, i) => state.trainLoss.push(frame.firstStep + i, loss));
  // The validation curves take the frame's step-sampled points (validationCadence.ts) where it has them.
  if (frame.validation) {
    for (const point of frame.validation) {
      state.validationLoss.push(point.step, point.loss);
      state.validationAccuracy.push(point.step, point.accuracy);
      if (!Number.isNaN(point.mse)) state.validationMse.push(point.step, point.mse);
    }
  } else if (frame.evaluation) {
    state.validationLoss.push(frame.evaluation.step, frame.evaluation.validationLoss);
    state.validationAccuracy.push(frame.evaluation.step, frame.evaluation.validationAccuracy);
    if (frame.evaluation.regression) state.validationMse.push(frame.evaluation.step, frame.evaluation.regression.validation.mse);
  }
  const calibration = frame.calibration;
  let telemetry = frame.telemetry.length > 0 ? [...state.telemetry, ...frame.telemetry] : state.telemetry;
  if (telemetry.length > TELEMETRY_CAPACITY) telemetry = telemetry.filter((_, i) => i % 2 === 1);
  draft[index] = {
    ...state,
    step: frame.step,
    calibration: calibration ?? state.calibration,
    calibrationHistory: calibration
      ? [
          ...state.calibrationHistory,
          { step: calibration.step, ece: calibration.before.ece, eceScaled: calibration.after.ece, nll: calibration.before.nll, nllScaled: calibration.after.nll },
        ]
      : state.calibrationHistory,
    telemetry,
    sharpness: frame.sharpness.length > 0 ? [...state.sharpness, ...frame.sharpness] : state.sharpness,
    latest: { stepsPerSecond: frame.stepsPerSecond, tensors: frame.tensors },
    evaluation: frame.evaluation ?? state.evaluation,
    classMetricsHistory: classMetricsHistoryAppend(state.classMetricsHistory, frame.evaluation),
    boundary: frame.boundary ?? state.boundary,
    weightMaxAbs: frame.weights ? maxAbs(frame.weights) : state.weightMaxAbs,
    moe: frame.moe ?? state.moe,
    moeHistory: frame.moe ? moeHistoryAppend(state.moeHistory, frame.moe) : state.moeHistory,
    preference: frame.preference ? [...state.preference, ...frame.preference] : state.preference,
  };
  flushSchedule();
}

function maxAbs(values: Float32Array): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return max;
}

/** A run's boundary on a new plane (after a view change), between frames. */
export function trainingStoreApplyBoundary(index: number, boundary: BoundaryGrid): void {
  const runs = [...(draft ?? useTrainingStore.getState().runs)];
  const state = runs[index];
  if (!state) return;
  runs[index] = { ...state, boundary };
  if (draft) draft = runs;
  else useTrainingStore.setState((s) => ({ runs, frameCount: s.frameCount + 1 }));
}

export function trainingStoreMarkDiverged(index: number, diverged: { step: number; reason: string }): void {
  const runs = [...(draft ?? useTrainingStore.getState().runs)];
  const state = runs[index];
  if (!state) return;
  runs[index] = { ...state, diverged };
  if (draft) draft = runs;
  else useTrainingStore.setState({ runs });
}
