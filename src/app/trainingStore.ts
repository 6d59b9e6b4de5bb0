import { create } from 'zustand';
import type { BackendInfo, BoundaryGrid, CalibrationFrame, DataPoints, FrameEvaluation, SharpnessPoint, TelemetryPoint, TrainingFrame } from '../workers/protocol';
import { Series } from './series';

/** What the trainer worker has streamed back, as the views read it. */
export interface TrainingState {
  backend: BackendInfo | null;
  /** Set when no backend could start at all. */
  backendError: string | null;
  playing: boolean;
  step: number;
  points: DataPoints | null;
  boundary: BoundaryGrid | null;
  trainLoss: Series;
  validationLoss: Series;
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
  /** The step and reason when the run diverged. */
  diverged: { step: number; reason: string } | null;
  /** The last error the worker reported, in words. */
  error: string | null;
  /** Bumped on every frame so charts know to redraw (the series mutate in place). */
  frameCount: number;
}

export const useTrainingStore = create<TrainingState>(() => ({
  backend: null,
  backendError: null,
  playing: false,
  step: 0,
  points: null,
  boundary: null,
  trainLoss: new Series(),
  validationLoss: new Series(),
  latest: null,
  evaluation: null,
  calibration: null,
  calibrationHistory: [],
  telemetry: [],
  sharpness: [],
  diverged: null,
  error: null,
  frameCount: 0,
}));

/** Longest a telemetry history grows before every other point is dropped. */
const TELEMETRY_CAPACITY = 500;

/**
 * Frames arrive up to 30 times a second; the views repaint at most this often. Frames in between
 * are folded into a draft, so no data is lost, only repaints.
 */
const REPAINT_INTERVAL_MS = 66;
let draft: Partial<TrainingState> | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flushDraft(): void {
  flushTimer = null;
  const pending = draft;
  draft = null;
  if (pending) useTrainingStore.setState(pending);
}

/** Starts the history afresh (new config or reset). */
export function trainingStoreClearRun(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  draft = null;
  useTrainingStore.setState({
    step: 0,
    boundary: null,
    trainLoss: new Series(),
    validationLoss: new Series(),
    latest: null,
    evaluation: null,
    calibration: null,
    calibrationHistory: [],
    telemetry: [],
    sharpness: [],
    diverged: null,
    error: null,
  });
}

export function trainingStoreApplyFrame(frame: TrainingFrame): void {
  const state: TrainingState = { ...useTrainingStore.getState(), ...draft };
  frame.losses.forEach((loss, i) => state.trainLoss.push(frame.firstStep + i, loss));
  if (frame.evaluation) state.validationLoss.push(frame.evaluation.step, frame.evaluation.validationLoss);
  const calibration = frame.calibration;
  let telemetry = frame.telemetry.length > 0 ? [...state.telemetry, ...frame.telemetry] : state.telemetry;
  if (telemetry.length > TELEMETRY_CAPACITY) telemetry = telemetry.filter((_, i) => i % 2 === 1);
  draft = {
    ...draft,
    calibration: calibration ?? state.calibration,
    calibrationHistory: calibration
      ? [
          ...state.calibrationHistory,
          { step: calibration.step, ece: calibration.before.ece, eceScaled: calibration.after.ece, nll: calibration.before.nll, nllScaled: calibration.after.nll },
        ]
      : state.calibrationHistory,
    telemetry,
    sharpness: frame.sharpness.length > 0 ? [...state.sharpness, ...frame.sharpness] : state.sharpness,
    step: frame.step,
    latest: { stepsPerSecond: frame.stepsPerSecond, tensors: frame.tensors },
    evaluation: frame.evaluation ?? state.evaluation,
    boundary: frame.boundary ?? state.boundary,
    frameCount: state.frameCount + 1,
  };
  flushTimer ??= setTimeout(flushDraft, REPAINT_INTERVAL_MS);
}
