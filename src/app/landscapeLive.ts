// Paces the live surface while training runs (the rules are in landscapeCadence.ts): one live
// survey at a time, the next asked for a period after the last was (or later, when it settles
// later or the cadence adds a wait), its resolution from the measured time per grid point and
// the surveyor's duty. Training's speed is sampled from the frames with no surface in flight (the
// baseline, at the start and every 30 s) and with live surfaces, and the duty follows it. On a
// machine others use, training's speed drifts by more than the 20 % at stake within seconds: a
// back-off decided against a baseline older than a few seconds waits for a fresh baseline first.
import { liveCadenceAfterSurface, liveCadenceAfterTraining, liveCadenceBacksOff, liveCadenceStart, liveCadenceWaitMs, type LiveCadence } from './landscapeCadence';
import type { SurveySettled } from './surveyorClient';

/**
 * Baseline samples (frames with no surface in flight, about ten a second) before live surfaces
 * start, and at most how long to wait for them; also the fewest samples with surfaces an
 * adjustment needs. Eight: a median that one slow frame on a busy machine does not move.
 */
const BASELINE_SAMPLES = 8;
const BASELINE_MAX_MS = 4000;
/** How often the speed with live surfaces is compared with the baseline, and the baseline taken again. */
const ADJUST_EVERY_MS = 2000;
const REBASELINE_EVERY_MS = 30_000;
/** A back-off applies only this soon after the baseline (when live surfaces resumed); later, the baseline is taken again first. */
const BASELINE_FRESH_MS = 4500;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LandscapeLiveHooks {
  /** Asks for a live surface at `resolution`; the survey's id, or null when none is due (view closed). */
  ask: (resolution: number) => number | null;
  /** A surface (live or not) is being computed now. */
  busy: () => boolean;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class LandscapeLive {
  private cadence: LiveCadence | null = null;
  private chosen = 0;
  private phase: 'idle' | 'baseline' | 'live' = 'idle';
  private phaseStarted = 0;
  private lastAdjust = 0;
  private inFlight: number | null = null;
  private askedAt = 0;
  private timer: unknown = null;
  private baseline: number[] = [];
  private during: number[] = [];
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly hooks: LandscapeLiveHooks) {
    this.now = hooks.now ?? (() => performance.now());
    this.setTimer = hooks.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = hooks.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** The cadence now (for tests and the benchmark). */
  state(): LiveCadence | null {
    return this.cadence;
  }

  /** Training started with the view's chosen resolution: measure the baseline, then go live. */
  start(chosen: number): void {
    if (!this.cadence || this.chosen !== chosen) this.cadence = liveCadenceStart(chosen);
    this.chosen = chosen;
    this.enter('baseline');
  }

  /** Training stopped: no more live surfaces (one in flight still settles). */
  stop(): void {
    this.phase = 'idle';
    this.cancelTimer();
  }

  /** A new experiment: what was measured no longer applies. */
  reset(): void {
    this.stop();
    this.cadence = null;
    this.baseline = [];
    this.inFlight = null;
  }

  /** A training frame's speed arrived (about ten a second while training). */
  onTrainingRate(stepsPerSecond: number | null): void {
    if (this.phase === 'idle') return;
    const now = this.now();
    const quiet = this.inFlight === null && !this.hooks.busy();
    if (stepsPerSecond !== null && Number.isFinite(stepsPerSecond) && stepsPerSecond > 0) {
      if (this.phase === 'baseline' && quiet) this.baseline.push(stepsPerSecond);
      else if (this.phase === 'live') this.during.push(stepsPerSecond);
    }
    if (this.phase === 'baseline') {
      if (this.baseline.length >= BASELINE_SAMPLES || now - this.phaseStarted > BASELINE_MAX_MS) this.enter('live');
      return;
    }
    if (now - this.lastAdjust >= ADJUST_EVERY_MS && this.cadence) {
      this.lastAdjust = now;
      if (this.baseline.length > 0 && this.during.length >= BASELINE_SAMPLES) {
        const next = liveCadenceAfterTraining(this.cadence, this.chosen, median(this.baseline), median(this.during));
        if (liveCadenceBacksOff(this.cadence, next) && now - this.phaseStarted > BASELINE_FRESH_MS) {
          this.enter('baseline');
          return;
        }
        this.cadence = next;
      }
      this.during = [];
    }
    if (now - this.phaseStarted > REBASELINE_EVERY_MS) {
      this.enter('baseline');
      return;
    }
    this.askIfDue();
  }

  /** A survey settled; a live one's time teaches the cadence, and the next follows after its wait. */
  onSettled(settled: SurveySettled): void {
    if (settled.id !== this.inFlight) return;
    this.inFlight = null;
    if (settled.complete && this.cadence && settled.resolution > 0) {
      this.cadence = liveCadenceAfterSurface(this.cadence, this.chosen, settled.resolution, settled.elapsedMs / Math.max(1, settled.runs));
    }
    if (this.phase !== 'live') return;
    const gap = this.cadence ? liveCadenceWaitMs(this.cadence, this.chosen, this.now() - this.askedAt) : 0;
    if (gap > 0) {
      this.timer = this.setTimer(() => {
        this.timer = null;
        this.askIfDue();
      }, gap);
    } else {
      this.askIfDue();
    }
  }

  private enter(phase: 'baseline' | 'live'): void {
    this.phase = phase;
    this.phaseStarted = this.now();
    this.lastAdjust = this.phaseStarted;
    if (phase === 'baseline') this.baseline = [];
    this.during = [];
    this.cancelTimer();
    if (phase === 'live') this.askIfDue();
  }

  private askIfDue(): void {
    if (this.phase !== 'live' || this.inFlight !== null || this.timer !== null || !this.cadence) return;
    this.askedAt = this.now();
    this.inFlight = this.hooks.ask(this.cadence.resolution);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
