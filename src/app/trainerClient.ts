import { configTrainingPart, type ExperimentConfig } from '../engine/config';
import type { DataView } from '../engine/projection';
import { dataTableFallback, dataTableFor, dataTableMissing } from './dataTableStore';
import { exhaustiveSwitchError, type BackendName, type BareLoop, type TrainerCommand, type TrainerEvent } from '../workers/protocol';
import { useConfigStore } from './configStore';
import { trainingStoreApplyBoundary, trainingStoreApplyFrame, trainingStoreClearRuns, trainingStoreFlush, trainingStoreMarkDiverged, useTrainingStore } from './trainingStore';

export interface WeightSnapshot {
  revision: number;
  /** The run's index in configRuns (0: the base run). */
  run: number;
  step: number;
  /** W₀ (row-major), b₀, W₁, b₁, … — shared by all listeners: copy before transferring. */
  weights: Float32Array;
}

export type WeightListener = (snapshot: WeightSnapshot) => void;

/**
 * The main thread's side of the trainer worker: sends commands, and turns events into store
 * updates. Events answering an older config revision are dropped.
 */
export class TrainerClient {
  private readonly worker: Worker;
  private revision = 0;
  private runCount = 1;
  private readonly benchWaiters: ((stepsPerSecond: number) => void)[] = [];
  private readonly weightListeners = new Set<WeightListener>();

  constructor(backend: BackendName | null) {
    this.worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    this.worker.onmessage = (message: MessageEvent<TrainerEvent>) => this.receive(message.data);
    this.worker.onerror = (event) => {
      useTrainingStore.setState({ error: `The training worker failed: ${event.message || 'unknown error'}`, playing: false });
    };
    this.send({ type: 'init', backend });
  }

  configure(config: ExperimentConfig, revision: number): void {
    this.revision = revision;
    this.runCount = 1 + config.compare.runs.length;
    trainingStoreClearRuns(this.runCount);
    // An uploaded file's table travels with the command: the config only names it.
    this.send({ type: 'configure', revision, config, table: dataTableFor(config) });
  }

  /** Draws the boundary on another plane (more than two features); training goes on. */
  setView(view: DataView): void {
    this.send({ type: 'setView', view });
  }

  setMetrics(metrics: ExperimentConfig['metrics']): void {
    this.send({ type: 'setMetrics', metrics });
  }

  play(): void {
    useTrainingStore.setState({ error: null });
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(steps: number): void {
    useTrainingStore.setState({ error: null });
    this.send({ type: 'step', steps });
  }

  reset(): void {
    trainingStoreClearRuns(this.runCount);
    this.send({ type: 'reset' });
  }

  /** Times a tight training loop on the current model in the worker, for `npm run bench`. */
  benchBareLoop(steps: number, loop: BareLoop = 'tfjs'): Promise<number> {
    return new Promise((resolve) => {
      this.benchWaiters.push(resolve);
      this.send({ type: 'benchBareLoop', steps, loop });
    });
  }

  /**
   * Calls `listener` with every weight snapshot the trainer streams (about ten a second while
   * training, and at step 0), for views that look at the parameters themselves. Returns an unsubscribe.
   */
  onWeights(listener: WeightListener): () => void {
    this.weightListeners.add(listener);
    return () => this.weightListeners.delete(listener);
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(command: TrainerCommand): void {
    this.worker.postMessage(command);
  }

  private receive(event: TrainerEvent): void {
    switch (event.type) {
      case 'ready':
        useTrainingStore.setState({ backend: event.backend });
        return;
      case 'error':
        if (useTrainingStore.getState().backend === null) useTrainingStore.setState({ backendError: event.message });
        useTrainingStore.setState({ error: event.message });
        return;
      case 'benchResult':
        this.benchWaiters.shift()?.(event.stepsPerSecond);
        return;
      case 'data':
        if (event.revision === this.revision) useTrainingStore.setState({ points: event.points });
        return;
      case 'boundary':
        if (event.revision === this.revision) trainingStoreApplyBoundary(event.run, event.boundary);
        return;
      case 'frame': {
        if (event.revision !== this.revision) return;
        trainingStoreApplyFrame(event.run, event.frame);
        const weights = event.frame.weights;
        // Every run's weights: a listener that follows one run filters by `run`.
        if (weights) for (const listener of this.weightListeners) listener({ revision: event.revision, run: event.run, step: event.frame.step, weights });
        return;
      }
      case 'status':
        if (event.revision !== this.revision) return;
        // The worker sends a run's closing frames before saying it stopped: show them with it.
        if (!event.playing) trainingStoreFlush();
        useTrainingStore.setState({ playing: event.playing, step: event.step });
        return;
      case 'diverged':
        if (event.revision === this.revision) trainingStoreMarkDiverged(event.run, { step: event.step, reason: event.reason });
        return;
      default:
        exhaustiveSwitchError(event);
    }
  }
}

/**
 * Keeps the worker's config in step with the config store, from now on. Only a change to the
 * run itself restarts training; new probe cadences are passed on, and view settings stay here.
 */
export function trainerClientFollowConfig(client: TrainerClient): () => void {
  // A link to a CSV experiment cannot bring its file: fall back to generated data, with a notice.
  dataTableFallback();
  const { config, revision } = useConfigStore.getState();
  client.configure(config, revision);
  let trainingKey = JSON.stringify(configTrainingPart(config));
  let view = JSON.stringify(config.data.view);
  return useConfigStore.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    if (dataTableMissing(state.config)) {
      // Not from inside this listener: the fallback is itself a config change.
      queueMicrotask(dataTableFallback);
      return;
    }
    const key = JSON.stringify(configTrainingPart(state.config));
    const nextView = JSON.stringify(state.config.data.view);
    if (key !== trainingKey) {
      trainingKey = key;
      view = nextView;
      client.configure(state.config, state.revision);
      return;
    }
    if (JSON.stringify(state.config.metrics) !== JSON.stringify(previous.config.metrics)) client.setMetrics(state.config.metrics);
    if (nextView !== view) {
      view = nextView;
      client.setView(state.config.data.view);
    }
  });
}
