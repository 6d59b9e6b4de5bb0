import { create } from 'zustand';
import type { BackendInfo, BoundaryGrid, DataPoints, FrameEvaluation, TrainingFrame } from '../workers/protocol';
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
  diverged: null,
  error: null,
  frameCount: 0,
}));

/** Starts the history afresh (new config or reset). */
export function trainingStoreClearRun(): void {
  useTrainingStore.setState({
    step: 0,
    boundary: null,
    trainLoss: new Series(),
    validationLoss: new Series(),
    latest: null,
    evaluation: null,
    diverged: null,
    error: null,
  });
}

export function trainingStoreApplyFrame(frame: TrainingFrame): void {
  const state = useTrainingStore.getState();
  frame.losses.forEach((loss, i) => state.trainLoss.push(frame.firstStep + i, loss));
  if (frame.evaluation) state.validationLoss.push(frame.evaluation.step, frame.evaluation.validationLoss);
  useTrainingStore.setState({
    step: frame.step,
    latest: { stepsPerSecond: frame.stepsPerSecond, tensors: frame.tensors },
    evaluation: frame.evaluation ?? state.evaluation,
    boundary: frame.boundary ?? state.boundary,
    frameCount: state.frameCount + 1,
  });
}
