import { dataTableFor } from './dataTableStore';
import type { ExperimentConfig, LandscapeConfig } from '../engine/config';
import { exhaustiveSwitchError, type BackendName } from '../workers/protocol';
import type { PlaneInfo, SliceEnd, SurveyorBenchMode, SurveyorCommand, SurveyorEvent } from '../workers/surveyorProtocol';
import { landscapeRange, useLandscapeStore, type LandscapeRunView } from './landscapeStore';
import type { WeightSnapshot } from './trainerClient';

/** How a survey ended: complete (with its time, from its start in the surveyor), or not (failed, superseded, cancelled). */
export interface SurveySettled {
  id: number;
  complete: boolean;
  elapsedMs: number;
  resolution: number;
  /** Runs it surveyed. */
  runs: number;
}

export interface SurfaceBench {
  ms: number;
  points: number;
  strategy: string;
  usefulFlops: number;
  /** FLOPs the strategy's matMuls actually issue (stacked2d issues three per later layer). */
  matMulFlops: number;
  examples: number;
}

/**
 * The main thread's side of the surveyor worker: forwards weight checkpoints and requests, and
 * turns the surfaces and slices it streams back into landscape-store updates. Events of an older
 * config revision, or of a request superseded by a newer one, are dropped.
 */
export class SurveyorClient {
  private readonly worker: Worker;
  private revision = 0;
  private nextId = 1;
  /** The newest survey or slice asked for; older ones' events are dropped once it has started. */
  private shownId = 0;
  /** Requests whose preview and partial rows are not shown (updates while training follows). */
  private readonly quiet = new Set<number>();
  /** The step and plane of each run of each started survey, until its grids arrive. */
  private readonly starts = new Map<number, Map<number, { step: number; plane: PlaneInfo }>>();
  /** Each survey's runs and how far along each is (0–1), for one progress over them all. */
  private readonly progress = new Map<number, Map<number, number>>();
  private readonly benchWaiters: ((result: SurfaceBench) => void)[] = [];
  private readonly matMulWaiters: ((result: { ms: number; flops: number }) => void)[] = [];
  private readonly settledListeners = new Set<(settled: SurveySettled) => void>();
  /** Surveys asked for and not yet settled (complete, failed or superseded). */
  private readonly unsettled = new Set<number>();

  constructor(backend: BackendName | null) {
    this.worker = new Worker(new URL('../workers/surveyor.worker.ts', import.meta.url), { type: 'module', name: 'surveyor' });
    this.worker.onmessage = (message: MessageEvent<SurveyorEvent>) => this.receive(message.data);
    this.worker.onerror = (event) => useLandscapeStore.setState({ error: `The surveyor worker failed: ${event.message || 'unknown error'}`, computing: false });
    this.send({ type: 'init', backend });
  }

  configure(config: ExperimentConfig, revision: number): void {
    this.revision = revision;
    this.send({ type: 'configure', revision, config, table: dataTableFor(config) });
  }

  /** Forwards a weight snapshot as a trajectory checkpoint (a copy: listeners share the array). */
  checkpoint(snapshot: WeightSnapshot): void {
    const weights = snapshot.weights.slice();
    const reference = snapshot.reference?.slice();
    const command: SurveyorCommand = { type: 'checkpoint', revision: snapshot.revision, run: snapshot.run, step: snapshot.step, weights, ...(reference ? { reference } : {}) };
    this.worker.postMessage(command, reference ? [weights.buffer, reference.buffer] : [weights.buffer]);
  }

  /**
   * Asks for a surface around each run's latest checkpoint (run 0 alone unless told), one run
   * after another. `quiet`: keep showing the last ones until the new ones are complete.
   */
  survey(settings: LandscapeConfig, options: { preempt: boolean; quiet: boolean; live?: boolean }, runs: number[] = [0]): number {
    const id = this.nextId++;
    if (options.quiet) this.quiet.add(id);
    this.progress.set(id, new Map(runs.map((run) => [run, 0])));
    this.unsettled.add(id);
    const { directions, keepBias, range, resolution } = settings;
    this.send({ type: 'survey', request: { id, directions, keepBias, range, resolution, preempt: options.preempt, runs, ...(options.live ? { live: true } : {}) } });
    useLandscapeStore.setState({ computing: true, progress: 0 });
    return id;
  }

  /** Asks for the loss along the line from one weight vector to another (α from −0.5 to 1.5). */
  slice(from: SliceEnd = { kind: 'initial', run: 0 }, to: SliceEnd = { kind: 'current', run: 0 }, points = 81): number {
    const id = this.nextId++;
    this.send({ type: 'slice', request: { id, from, to, points, range: [-0.5, 1.5] } });
    useLandscapeStore.setState({ computing: true, progress: 0 });
    return id;
  }

  /** Calls `listener` as each survey completes, fails or is superseded; returns an unsubscribe. */
  onSettled(listener: (settled: SurveySettled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  private settle(id: number, settled: Omit<SurveySettled, 'id'>): void {
    if (!this.unsettled.delete(id)) return;
    for (const listener of this.settledListeners) listener({ id, ...settled });
  }

  cancel(): void {
    for (const id of [...this.unsettled]) this.settle(id, { complete: false, elapsedMs: 0, resolution: 0, runs: 0 });
    this.send({ type: 'cancel' });
    useLandscapeStore.setState({ computing: false });
  }

  /** Times one surface of the current model in the worker, for `npm run bench`. */
  benchSurface(resolution: number, mode: SurveyorBenchMode): Promise<SurfaceBench> {
    return new Promise((resolve) => {
      this.benchWaiters.push(resolve);
      this.send({ type: 'bench', resolution, mode });
    });
  }

  benchMatMul(size: number, repeats = 5): Promise<{ ms: number; flops: number }> {
    return new Promise((resolve) => {
      this.matMulWaiters.push(resolve);
      this.send({ type: 'benchMatMul', size, repeats });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(command: SurveyorCommand): void {
    this.worker.postMessage(command);
  }

  private current(id: number, revision: number): boolean {
    return revision === this.revision && id >= this.shownId;
  }

  private receive(event: SurveyorEvent): void {
    switch (event.type) {
      case 'ready':
        useLandscapeStore.setState({ backend: event.backend });
        return;
      case 'error':
        useLandscapeStore.setState({ error: event.message, computing: false });
        return;
      case 'benchResult':
        this.benchWaiters.shift()?.(event);
        return;
      case 'benchMatMulResult':
        this.matMulWaiters.shift()?.(event);
        return;
      case 'failed':
        this.settle(event.id, { complete: false, elapsedMs: 0, resolution: 0, runs: 0 });
        if (event.id < this.shownId) return;
        this.shownId = event.id;
        useLandscapeStore.setState({ error: event.message, computing: false });
        return;
      case 'surveyStart':
        if (!this.current(event.id, event.revision)) return;
        this.shownId = event.id;
        for (const id of this.unsettled) if (id < event.id) this.settle(id, { complete: false, elapsedMs: 0, resolution: 0, runs: 0 });
        for (const id of this.starts.keys()) if (id < event.id) this.starts.delete(id);
        for (const id of this.progress.keys()) if (id < event.id) this.progress.delete(id);
        if (!this.starts.has(event.id)) this.starts.set(event.id, new Map());
        this.starts.get(event.id)!.set(event.run, { step: event.step, plane: event.plane });
        useLandscapeStore.setState({ error: null });
        return;
      case 'surface': {
        if (!this.current(event.id, event.revision)) return;
        const quiet = this.quiet.has(event.id) && useLandscapeStore.getState().runs[event.run]?.surface?.complete === true;
        const progress = this.progress.get(event.id) ?? new Map<number, number>();
        progress.set(event.run, event.done ? 1 : event.progress);
        const fractions = [...progress.values()];
        const overall = fractions.reduce((sum, f) => sum + f, 0) / fractions.length;
        const done = fractions.every((f) => f === 1);
        useLandscapeStore.setState((s) => ({ computing: !done, progress: overall, completed: s.completed + (event.done ? 1 : 0) }));
        if (quiet && !event.done) return;
        if (done) this.quiet.delete(event.id);
        this.show(event);
        if (done) this.settle(event.id, { complete: true, elapsedMs: event.elapsedMs, resolution: event.spec.resolution, runs: fractions.length });
        return;
      }
      case 'path':
        if (!this.current(event.id, event.revision)) return;
        useLandscapeStore.setState((s) => ({
          ...(event.run === 0 ? { path: event.path } : {}),
          runs: runViewSet(s.runs, event.run, { surface: s.runs[event.run]?.surface ?? null, path: event.path }),
          version: s.version + 1,
        }));
        return;
      case 'slice':
        if (!this.current(event.id, event.revision)) return;
        this.shownId = event.id;
        useLandscapeStore.setState((s) => ({ slice: { ...event.slice, id: event.id }, computing: false, progress: 1, error: null, version: s.version + 1 }));
        return;
      default:
        exhaustiveSwitchError(event);
    }
  }

  private show(event: Extract<SurveyorEvent, { type: 'surface' }>): void {
    const pending = this.starts.get(event.id)?.get(event.run);
    if (!pending) return;
    const { min, max } = landscapeRange(event.values);
    const surface = {
      id: event.id,
      revision: event.revision,
      step: pending.step,
      phase: event.phase,
      spec: event.spec,
      values: event.values,
      min,
      max,
      complete: event.done,
      plane: pending.plane,
      elapsedMs: event.elapsedMs,
    };
    useLandscapeStore.setState((s) => {
      const before = s.runs[event.run];
      // A new surface's path comes when it is complete; the old path belongs to the old plane.
      const view = { surface, path: before?.surface?.id === event.id ? before.path : null };
      return {
        ...(event.run === 0 ? { surface, path: view.path } : {}),
        runs: runViewSet(s.runs, event.run, view),
        version: s.version + 1,
      };
    });
  }
}

/** The runs' views with one replaced (missing ones before it filled with empty views). */
function runViewSet(runs: readonly LandscapeRunView[], run: number, view: LandscapeRunView): LandscapeRunView[] {
  const next = Array.from({ length: Math.max(runs.length, run + 1) }, (_, k) => runs[k] ?? { surface: null, path: null });
  next[run] = view;
  return next;
}
