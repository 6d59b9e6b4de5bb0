// A worker's training session: its data and runs, stepped in lockstep while playing, streamed out as events.
import { configRuns, type ExperimentConfig } from '../engine/config';
import { TrainingRun } from '../engine/trainingRun';
import type { TrainingStrategy } from './backendTrials';
import { trainingDataCreate, trainingDataSetView, type TrainingData } from '../engine/trainingData';
import type { DataTable } from '../engine/dataTable';
import type { DataView } from '../engine/projection';
import type { ResumePoint, TrainerEvent } from './protocol';
import { dataPoints } from './dataPoints';
import { BOUNDARY_RESOLUTION } from './frameBuilder';
import { telemetryPoints } from './trainerProbes';
import { yieldToMessages } from './yieldToMessages';
import { NetworkProbe } from './networkProbe';
import { runSlotCreate, runSlotProbe, runSlotResume, type RunSlot } from './runSlot';
import { chunkRead, chunkStep, chunkStepsAdapted, FRAME_MS, type ChunkTensors } from './chunkStepping';
import { ValidationBudget } from './validationCadence';

export type Emit = (event: TrainerEvent) => void;

/**
 * Owns the data and the runs in a worker, steps the runs in lockstep while playing, and emits
 * throttled frames per run. The runs share the data tensors and start from the same weights.
 * It never knows it is in a worker: `emit` is the only way out, so tests drive it in Node.
 */
export class TrainerSession {
  private data: TrainingData | undefined;
  private config: ExperimentConfig | undefined;
  private slots: RunSlot[] = [];
  private revision = 0;
  /** Bumped by every play/pause/step/reset/configure; a loop runs only while its generation is current. */
  private generation = 0;
  /** The generation of the loop now stepping, if any. */
  private activeLoop: number | null = null;
  private stepsPerChunk = 1;
  /** Counts plane changes (new data, new view), so a boundary is only shown on its own plane. */
  private planeSerial = 0;
  /** The run the network view is open on, if it is open. */
  private networkRun: number | null = null;
  private readonly network: NetworkProbe;
  /** How compare runs take a step, as measured fastest on this backend (backendTrials.ts). */
  private strategy: TrainingStrategy = 'looped';

  constructor(
    private readonly emit: Emit,
    private readonly now: () => number = () => performance.now(),
    /** What validating costs beside training, so it stays a small share (validationCadence.ts). */
    private readonly validation = new ValidationBudget(),
  ) {
    this.network = new NetworkProbe(now);
  }

  /**
   * New data and runs. The data is made first: if it cannot be (a CSV experiment without its
   * table), this throws and the current data and runs go on as they were.
   */
  configure(config: ExperimentConfig, revision: number, table: DataTable | null = null, resume: readonly ResumePoint[] = []): void {
    const data = trainingDataCreate(config, table);
    this.revision = revision;
    this.config = config;
    this.generation += 1;
    this.disposeRuns();
    this.data?.dispose();
    this.data = data;
    this.planeSerial += 1;
    this.emit({ type: 'data', revision, points: dataPoints(this.data, this.planeSerial) });
    this.startRuns(config, resume);
  }

  /**
   * Draws the boundary on another plane: new point coordinates, then each run's boundary on it.
   * Training is not touched; frames built for the old plane lose their boundary (see emitFrame).
   */
  async setView(view: DataView): Promise<void> {
    const data = this.data;
    if (!data || !this.config) return;
    this.config = { ...this.config, data: { ...this.config.data, view } };
    trainingDataSetView(data, view);
    const serial = ++this.planeSerial;
    this.emit({ type: 'data', revision: this.revision, points: dataPoints(data, serial) });
    const slots = this.slots;
    await Promise.all(
      slots.map(async (slot) => {
        const grid = slot.run.predictGrid(BOUNDARY_RESOLUTION);
        const probabilities = (await grid.data()) as Float32Array;
        grid.dispose();
        if (slots !== this.slots || serial !== this.planeSerial) return;
        const boundary = { planeSerial: serial, resolution: BOUNDARY_RESOLUTION, classes: data.dataset.classes, probabilities };
        this.emit({ type: 'boundary', revision: this.revision, run: slot.index, boundary });
      }),
    );
  }

  /** Compare runs step one after another, or as one batched computation where that fits them. */
  setStrategy(strategy: TrainingStrategy): void {
    this.strategy = strategy;
  }

  /** New probe cadences (calibration, sharpness, telemetry) for the runs, which go on. */
  setMetrics(metrics: ExperimentConfig['metrics']): void {
    if (this.config) this.config = { ...this.config, metrics };
    for (const slot of this.slots) slot.run.setMetrics(metrics);
  }

  /** A new play speed: the loop in progress takes it from its next chunk. */
  setPlayback(playback: ExperimentConfig['playback']): void {
    if (this.config) this.config = { ...this.config, playback };
  }

  /** Opens the network view on run `run` (a snapshot straight away), or closes it (null). */
  async watchNetwork(run: number | null): Promise<void> {
    this.networkRun = run;
    const slot = run === null ? undefined : this.slots[run];
    if (slot) await this.emitNetwork(slot, this.slots);
  }

  /** Sets one weight of a run by hand and shows the run there; training, if on, goes on from it. */
  async setWeight(run: number, index: number, value: number): Promise<void> {
    const slot = this.slots[run];
    if (!slot) throw new Error(`there is no run ${run}`);
    slot.run.setWeight(index, value);
    const slots = this.slots;
    await this.emitFrame(slot, slots, true);
    if (this.networkRun === run) await this.emitNetwork(slot, slots);
  }

  reset(): void {
    if (!this.config) return;
    this.generation += 1;
    this.disposeRuns();
    this.startRuns(this.config);
  }

  /**
   * Trains up to the config's total steps T and stops there; from T on (Continue), trains until
   * paused. T is what a lesson's claim is about and what schedules decay over.
   */
  play(): Promise<void> {
    const total = this.config?.training.totalSteps ?? Infinity;
    const reached = Math.max(0, ...this.slots.map((s) => s.run.steps));
    return this.train(reached < total ? total - reached : Infinity);
  }

  step(steps: number): Promise<void> {
    return this.train(Math.max(1, Math.floor(steps)));
  }

  pause(): void {
    this.generation += 1;
  }

  /** The first run, for benchmarks that time the same model outside the loop. */
  currentRun(): TrainingRun | undefined {
    return this.slots[0]?.run;
  }

  private startRuns(config: ExperimentConfig, resume: readonly ResumePoint[] = []): void {
    const data = this.data;
    if (!data) return;
    const runs = configRuns(config);
    this.slots = runs.map((runConfig, index) => runSlotCreate(index, new TrainingRun(runConfig, data), this.now, runs.length));
    // After the worker was restarted, each run goes on from the weights it last sent.
    for (const point of resume) {
      const slot = this.slots[point.run];
      if (slot) runSlotResume(slot, point);
    }
    this.activeLoop = null;
    this.status(false);
    // A first frame at step 0 shows the untrained boundary (and calibration) straight away.
    const slots = this.slots;
    for (const slot of slots) void this.probeAndEmit(slot, slots, true);
  }

  private disposeRuns(): void {
    for (const slot of this.slots) slot.run.dispose();
    this.slots = [];
  }

  private async train(steps: number): Promise<void> {
    const slots = this.slots;
    if (slots.length === 0) return;
    const live = (): RunSlot[] => slots.filter((s) => s.divergedAt === null);
    if (live().length === 0) {
      const at = slots.map((s) => s.divergedAt).join(', ');
      this.emit({ type: 'error', message: `Every run has diverged (at step ${at}). Reset (or lower the learning rate) to train again.` });
      return;
    }
    const generation = ++this.generation;
    this.activeLoop = generation;
    this.status(true);
    for (const slot of slots) slot.frames.startClock(slot.run.steps);
    let remaining = steps;
    while (remaining > 0 && generation === this.generation && slots === this.slots && live().length > 0) {
      const started = this.now();
      const speed = this.config?.playback.stepsPerFrame ?? 0;
      const count = Math.min(speed > 0 ? speed : this.stepsPerChunk, remaining);
      remaining -= count;
      await this.runChunk(live(), count, slots);
      if (slots !== this.slots) return;
      if (speed === 0) {
        // Adapt the chunk so each one (steps plus readback) takes about the target time.
        this.stepsPerChunk = chunkStepsAdapted(count, this.now() - started);
      }
      await Promise.all(live().map((slot) => this.probeAndEmit(slot, slots, false)));
      // A set play speed: `speed` steps an animation frame, however fast the machine is.
      const wait = speed > 0 ? FRAME_MS - (this.now() - started) : 0;
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      await yieldToMessages();
    }
    if (slots !== this.slots) return;
    // Paused, finished a step request, or superseded by another command: show where it stopped,
    // weights and boundary included, for every run that trained.
    await Promise.all(slots.filter((s) => s.divergedAt === null).map((slot) => this.probeAndEmit(slot, slots, true)));
    if (this.activeLoop !== generation) return;
    this.activeLoop = null;
    this.status(false);
  }

  /**
   * Steps every live run `count` times in lockstep (step k of every run before step k + 1 of
   * any), batched where that was measured faster, then reads each run's losses and telemetry back
   * at once. A run that diverges stops alone.
   */
  private async runChunk(live: readonly RunSlot[], count: number, slots: readonly RunSlot[]): Promise<void> {
    const stride = this.validation.stride(this.config?.training.totalSteps ?? Infinity);
    const chunks = chunkStep(live.map((slot) => slot.run), count, this.strategy, stride, this.validation);
    await Promise.all(live.map((slot, r) => this.readChunk(slot, chunks[r]!, slots)));
  }

  private async readChunk(slot: RunSlot, chunk: ChunkTensors, slots: readonly RunSlot[]): Promise<void> {
    const firstStep = slot.run.steps - chunk.losses.length + 1;
    const { meta } = chunk;
    const { losses: values, telemetry: telemetryValues, validation } = await chunkRead(chunk);
    if (slots !== this.slots) return;
    const bad = values.findIndex((v) => !Number.isFinite(v));
    slot.frames.addLosses(values.subarray(0, bad < 0 ? values.length : bad));
    if (validation) {
      // After a divergence only the points taken before it (its frame shows where it stopped).
      const kept = chunk.validationSteps.filter((step) => bad < 0 || step < firstStep + bad);
      slot.frames.addValidation(kept, validation);
    }
    if (telemetryValues) {
      const points = telemetryPoints(telemetryValues, meta, slot.run.shape.hidden.length + 1);
      slot.frames.addTelemetry(bad < 0 ? points : points.filter((p) => p.step < firstStep + bad));
    }
    if (bad < 0) return;
    slot.divergedAt = firstStep + bad;
    await this.emitFrame(slot, slots, true);
    this.emit({
      type: 'diverged',
      revision: this.revision,
      run: slot.index,
      step: slot.divergedAt,
      reason: `the training loss became ${String(values[bad])} (try a lower learning rate)`,
    });
  }

  /** Takes the calibration and sharpness probes that are due, then emits a frame if one is due. */
  private async probeAndEmit(slot: RunSlot, slots: readonly RunSlot[], force: boolean): Promise<void> {
    await runSlotProbe(slot);
    if (slots !== this.slots) return;
    if (force || slot.frames.due()) await this.emitFrame(slot, slots, force);
    if (slot.index === this.networkRun && (force || this.network.due())) await this.emitNetwork(slot, slots);
  }

  private async emitNetwork(slot: RunSlot, slots: readonly RunSlot[]): Promise<void> {
    // The network view draws a stack of layers; for a mixture of experts the snapshot says why it
    // draws nothing (NetworkProbe.take), and the boundary shows its routing instead.
    const snapshot = await this.network.take(slot.run);
    if (slots !== this.slots) return;
    this.emit({ type: 'network', revision: this.revision, run: slot.index, snapshot });
  }

  private async emitFrame(slot: RunSlot, slots: readonly RunSlot[], final = false): Promise<void> {
    // The boundary grid is computed as the build starts; if the plane changes while it is read
    // back, the grid belongs to the old plane and is left out (setView sends the new one).
    const serial = this.planeSerial;
    const frame = await slot.frames.build(slot.run, () => slots === this.slots, final);
    if (!frame) return;
    if (frame.boundary) frame.boundary = serial === this.planeSerial ? { ...frame.boundary, planeSerial: serial } : null;
    if (frame.moe) {
      if (serial === this.planeSerial) frame.moe = { ...frame.moe, planeSerial: serial };
      else delete frame.moe;
    }
    this.emit({ type: 'frame', revision: this.revision, run: slot.index, frame });
  }

  private status(playing: boolean): void {
    const step = Math.max(0, ...this.slots.map((s) => s.run.steps));
    this.emit({ type: 'status', revision: this.revision, playing, step });
  }
}
