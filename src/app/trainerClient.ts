import { configTrainingKey, type ExperimentConfig } from '../engine/config';
import type { DataView } from '../engine/projection';
import { dataTableFallback, dataTableFor, dataTableMissing } from './dataTableStore';
import { BACKEND_NAMES, exhaustiveSwitchError, type BackendName, type BareLoop, type ResumePoint, type TrainerCommand, type TrainerEvent, type TrainingFrame } from '../workers/protocol';
import { faultNotice } from './faultStore';
import { useNetworkStore } from './networkStore';
import { useConfigStore } from './configStore';
import { trainingStoreApplyBoundary, trainingStoreApplyFrame, trainingStoreClearRuns, trainingStoreFlush, trainingStoreMarkDiverged, useTrainingStore } from './trainingStore';

export interface WeightSnapshot {
  revision: number;
  /** The run's index in configRuns (0: the base run). */
  run: number;
  step: number;
  /** W₀ (row-major), b₀, W₁, b₁, … — shared by all listeners: copy before transferring. */
  weights: Float32Array;
  /** Task 'preference': the run's π_ref parameters, which its objective (and so its landscape) depends on. */
  reference?: Float32Array;
}

export type WeightListener = (snapshot: WeightSnapshot) => void;

/** A worker that dies more often than this within RESTART_WINDOW_MS is not restarted again. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/**
 * The main thread's side of the trainer worker: sends commands, and turns events into store
 * updates. Events answering an older config revision are dropped.
 *
 * If the worker dies (an error it could not handle, or it was terminated), a new one is started
 * and each run resumes from the last weights it sent (frames carry them for the surveyor), at
 * their step, playing again if it was; a notice says so. The optimizer's state is not in the
 * frames, so momentum and Adam's moments start afresh, which the notice says too.
 */
export class TrainerClient {
  private worker!: Worker;
  private revision = 0;
  private runCount = 1;
  private config: ExperimentConfig | null = null;
  /** Each run's latest weights of the current revision, to resume from after a restart. */
  private readonly lastWeights = new Map<number, ResumePoint>();
  /** Per run, the last step whose training loss reached the store: a resumed run does not repeat them. */
  private readonly shownLossStep = new Map<number, number>();
  private readonly restarts: number[] = [];
  /** Play was the last request that started training (not Step). */
  private playRequested = false;
  private readonly benchWaiters: ((stepsPerSecond: number) => void)[] = [];
  private readonly weightListeners = new Set<WeightListener>();
  /** The run the network view is open on (null: closed), sent again to a restarted worker. */
  private networkRun: number | null = null;

  constructor(
    private backend: BackendName | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start();
  }

  configure(config: ExperimentConfig, revision: number): void {
    this.revision = revision;
    this.config = config;
    this.runCount = 1 + config.compare.runs.length;
    this.lastWeights.clear();
    this.shownLossStep.clear();
    trainingStoreClearRuns(this.runCount);
    useNetworkStore.setState({ snapshot: null });
    // An uploaded file's table travels with the command: the config only names it.
    this.send({ type: 'configure', revision, config, table: dataTableFor(config) });
  }

  /** The network view opened on run `run`, or closed (null): snapshots come only while it is open. */
  watchNetwork(run: number | null): void {
    this.networkRun = run;
    useNetworkStore.setState({ run, snapshot: null });
    this.send({ type: 'watchNetwork', run });
  }

  /** A weight edited by hand (index in W₀, b₀, W₁, b₁, … order); training goes on from it. */
  setWeight(run: number, index: number, value: number): void {
    this.send({ type: 'setWeight', run, index, value });
  }

  setPlayback(playback: ExperimentConfig['playback']): void {
    this.send({ type: 'setPlayback', playback });
  }

  /** Test hook: destroys the worker's WebGPU device, as a lost device would end it. */
  loseDeviceForTest(): void {
    this.send({ type: 'loseDeviceForTest' });
  }

  /** Test hook: terminates the worker as a crash would, then recovers from it like any death. */
  crashForTest(): void {
    this.worker.terminate();
    this.recover('it was terminated');
  }

  private start(): void {
    const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    worker.onmessage = (message: MessageEvent<TrainerEvent>) => {
      if (worker === this.worker) this.receive(message.data);
    };
    worker.onerror = (event) => {
      // An error the worker did not handle: its state is unknown, so it is replaced.
      event.preventDefault();
      if (worker === this.worker) this.recover(event.message || 'an unknown error');
    };
    this.worker = worker;
    this.send({ type: 'init', backend: this.backend });
  }

  /** Replaces a dead worker and resumes every run from its last weights (on `backend`, when given). */
  private recover(reason: string, backend?: BackendName): void {
    const time = this.now();
    while (this.restarts.length > 0 && time - this.restarts[0]! > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      useTrainingStore.setState({ error: `The training worker failed (${reason}) ${MAX_RESTARTS + 1} times within a minute; reload the page to try again.`, playing: false });
      return;
    }
    this.restarts.push(time);
    // A Step request is not taken up again (its remaining steps are unknown); Play is.
    const wasPlaying = useTrainingStore.getState().playing && this.playRequested;
    this.worker.terminate();
    if (backend) this.backend = backend;
    this.start();
    if (!this.config) return;
    const resume = [...this.lastWeights.values()].map((point) => ({ ...point, weights: point.weights.slice() }));
    this.send({ type: 'configure', revision: this.revision, config: this.config, table: dataTableFor(this.config), resume });
    if (this.networkRun !== null) this.send({ type: 'watchNetwork', run: this.networkRun });
    if (wasPlaying) this.send({ type: 'play' });
    const steps = [...new Set(resume.map((p) => p.step))];
    const on = backend ? ` on ${backend}` : '';
    const where = resume.length === 0 ? 'from the start (no weights had arrived yet)' : `from step ${steps.join(', ')} with the weights it last sent`;
    faultNotice(`The training worker stopped (${reason}); a new one${on} resumed ${where}. The optimizer's state (momentum, Adam's moments) starts afresh.`);
  }

  /** Draws the boundary on another plane (more than two features); training goes on. */
  setView(view: DataView): void {
    this.send({ type: 'setView', view });
  }

  setMetrics(metrics: ExperimentConfig['metrics']): void {
    this.send({ type: 'setMetrics', metrics });
  }

  play(): void {
    this.playRequested = true;
    useTrainingStore.setState({ error: null });
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(steps: number): void {
    this.playRequested = false;
    useTrainingStore.setState({ error: null });
    this.send({ type: 'step', steps });
  }

  reset(): void {
    this.lastWeights.clear();
    this.shownLossStep.clear();
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

  /** A frame without the training losses (and older evaluation) a resumed run already showed. */
  private unshown(run: number, frame: TrainingFrame): TrainingFrame {
    const shown = this.shownLossStep.get(run) ?? 0;
    const lastStep = frame.firstStep + frame.losses.length - 1;
    if (frame.losses.length > 0) this.shownLossStep.set(run, Math.max(shown, lastStep));
    if (frame.firstStep > shown) return frame;
    const skip = Math.min(frame.losses.length, shown - frame.firstStep + 1);
    return { ...frame, losses: frame.losses.subarray(skip), firstStep: frame.firstStep + skip };
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
      case 'deviceLost':
        // Every tensor went with the device: a new worker on the next backend (WASM) takes over.
        this.recover(`its WebGPU device was lost: ${event.message}`, BACKEND_NAMES[BACKEND_NAMES.indexOf('webgpu') + 1]);
        return;
      case 'data':
        if (event.revision === this.revision) useTrainingStore.setState({ points: event.points });
        return;
      case 'boundary':
        if (event.revision === this.revision) trainingStoreApplyBoundary(event.run, event.boundary);
        return;
      case 'network':
        if (event.revision === this.revision && event.run === this.networkRun) useNetworkStore.setState({ snapshot: event.snapshot });
        return;
      case 'frame': {
        if (event.revision !== this.revision) return;
        trainingStoreApplyFrame(event.run, this.unshown(event.run, event.frame));
        const weights = event.frame.weights;
        if (weights) this.lastWeights.set(event.run, { run: event.run, step: event.frame.step, weights });
        // Every run's weights: a listener that follows one run filters by `run`.
        const reference = event.frame.reference;
        if (weights) for (const listener of this.weightListeners) listener({ revision: event.revision, run: event.run, step: event.frame.step, weights, ...(reference ? { reference } : {}) });
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
  let trainingKey = configTrainingKey(config);
  let view = JSON.stringify(config.data.view);
  return useConfigStore.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    if (dataTableMissing(state.config)) {
      // Not from inside this listener: the fallback is itself a config change.
      queueMicrotask(dataTableFallback);
      return;
    }
    const key = configTrainingKey(state.config);
    const nextView = JSON.stringify(state.config.data.view);
    if (key !== trainingKey) {
      trainingKey = key;
      view = nextView;
      client.configure(state.config, state.revision);
      return;
    }
    if (JSON.stringify(state.config.metrics) !== JSON.stringify(previous.config.metrics)) client.setMetrics(state.config.metrics);
    if (state.config.playback.stepsPerFrame !== previous.config.playback.stepsPerFrame) client.setPlayback(state.config.playback);
    if (nextView !== view) {
      view = nextView;
      client.setView(state.config.data.view);
    }
  });
}
