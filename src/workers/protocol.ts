// The messages between the main thread and the trainer worker: backends, commands and events.
// The data the events carry (frames, data points) is protocolFrames.ts, re-exported here.
import type { ExperimentConfig } from '../engine/config';
import type { DataTable } from '../engine/dataTable';
import type { DataView } from '../engine/projection';
import type { BackendChoice } from './backendDecision';
import type { BoundaryGrid, DataPoints, NetworkSnapshot, TrainingFrame } from './protocolFrames';

export * from './protocolFrames';

/** The tfjs backends, in the order the app prefers them. */
export const BACKEND_NAMES = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendFailure {
  backend: BackendName;
  message: string;
}

export interface BackendInfo {
  name: BackendName;
  /** Why this backend runs, in words for the badge. */
  reason: string;
  /** Backends tried before it and why each was passed over. */
  failures: BackendFailure[];
  /** The measured choice for the worker's workload and the rates behind it, once made. */
  choice?: BackendChoice;
  /** WASM threads in use, when more than one (a cross-origin isolated page). */
  threads?: number;
}

/** Where a run picks up after its worker was restarted: the weights of a frame and their step. */
export interface ResumePoint {
  run: number;
  step: number;
  weights: Float32Array;
}

/** Main thread → trainer worker. */
export type TrainerCommand =
  | { type: 'init'; backend: BackendName | null }
  /** `table`: the uploaded file's table when the config's data kind is 'csv' (the config holds only its name and hash). */
  /** `resume`: after a restart of the worker, each run starts from its last weights (see TrainerClient). */
  | { type: 'configure'; revision: number; config: ExperimentConfig; table: DataTable | null; resume?: ResumePoint[] }
  /** Draw the boundary on another plane; training goes on. */
  | { type: 'setView'; view: DataView }
  | { type: 'setMetrics'; metrics: ExperimentConfig['metrics'] }
  /** Play speed: steps per animation frame (0: as fast as it trains); training goes on. */
  | { type: 'setPlayback'; playback: ExperimentConfig['playback'] }
  /** The network view is open on run `run` (null: closed, no snapshots are taken). */
  | { type: 'watchNetwork'; run: number | null }
  /** A weight edited by hand (weightsFlat's index); training goes on from it. */
  | { type: 'setWeight'; run: number; index: number; value: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  | { type: 'reset' }
  | { type: 'benchBareLoop'; steps: number; loop: BareLoop }
  /** e2e only: destroys the WebGPU device, as if it were lost. */
  | { type: 'loseDeviceForTest' };

/** `tfjs`: tfjs's own Adam in a tight loop; `engine`: Losscape's training step in a tight loop. */
export type BareLoop = 'tfjs' | 'engine';

/** Trainer worker → main thread. Everything but `ready` and `error` names the config revision it answers. */
export type TrainerEvent =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'data'; revision: number; points: DataPoints }
  /** `run` indexes the config's runs: 0 is the base run, then the compare runs in order. */
  | { type: 'frame'; revision: number; run: number; frame: TrainingFrame }
  /** A run's boundary on a new plane, sent straight after a view change (frames bring the next ones). */
  | { type: 'boundary'; revision: number; run: number; boundary: BoundaryGrid }
  | { type: 'network'; revision: number; run: number; snapshot: NetworkSnapshot }
  | { type: 'status'; revision: number; playing: boolean; step: number }
  | { type: 'diverged'; revision: number; run: number; step: number; reason: string }
  | { type: 'error'; message: string }
  | { type: 'benchResult'; stepsPerSecond: number }
  /** The WebGPU device was lost: every tensor is gone, and the client restarts on another backend. */
  | { type: 'deviceLost'; message: string };

/** Makes a missing case in a switch over a union a compile-time error. */
export function exhaustiveSwitchError(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** The buffers of an event, to send as transferables rather than copies. */
export function eventTransferables(event: TrainerEvent): Transferable[] {
  switch (event.type) {
    case 'data':
      return [event.points.x.buffer, event.points.y.buffer, event.points.role.buffer, event.points.flipped.buffer, event.points.plane.buffer] as Transferable[];
    case 'frame': {
      const buffers: Transferable[] = [event.frame.losses.buffer as ArrayBuffer];
      if (event.frame.boundary) buffers.push(event.frame.boundary.probabilities.buffer as ArrayBuffer);
      if (event.frame.weights) buffers.push(event.frame.weights.buffer as ArrayBuffer);
      if (event.frame.reference) buffers.push(event.frame.reference.buffer as ArrayBuffer);
      return buffers;
    }
    case 'boundary':
      return [event.boundary.probabilities.buffer as ArrayBuffer];
    case 'network':
      return [event.snapshot.activations.buffer as ArrayBuffer, event.snapshot.weights.buffer as ArrayBuffer];
    case 'ready':
    case 'status':
    case 'diverged':
    case 'error':
    case 'benchResult':
    case 'deviceLost':
      return [];
    default:
      return exhaustiveSwitchError(event);
  }
}
