import { create } from 'zustand';
import type { BackendInfo, BoundaryGrid, DataPoints, TrainingFrame } from '../workers/protocol';
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
  latest: Omit<TrainingFrame, 'losses' | 'boundary'> | null;
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
    diverged: null,
    error: null,
  });
}

export function trainingStoreApplyFrame(frame: TrainingFrame): void {
  const state = useTrainingStore.getState();
  frame.losses.forEach((loss, i) => state.trainLoss.push(frame.firstStep + i, loss));
  state.validationLoss.push(frame.step, frame.validationLoss);
  const { losses: _losses, boundary, ...latest } = frame;
  useTrainingStore.setState({
    step: frame.step,
    latest,
    boundary: boundary ?? state.boundary,
    frameCount: state.frameCount + 1,
  });
}
