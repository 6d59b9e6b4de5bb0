import type { TrainerClient } from './trainerClient';
import { useConfigStore } from './configStore';
import { trainingStoreFlush, useTrainingStore } from './trainingStore';
import { landscapeSnapshot, type LandscapeSnapshot } from './landscapeStore';
import type { SurveyorClient } from './surveyorClient';

/** A plain-data view of what the app shows, for the e2e tests and the benchmark. */
export interface AppSnapshot {
  backend: string | null;
  playing: boolean;
  step: number;
  firstLoss: number | null;
  lastLoss: number | null;
  validationLoss: number | null;
  trainAccuracy: number | null;
  stepsPerSecond: number | null;
  tensors: number | null;
  diverged: number | null;
  points: number;
  /** Features per point (2 for generated data), and the boundary plane's axis names. */
  features: number;
  axes: [string, string] | null;
  /** A checksum of the data points, to see that they changed. */
  pointsChecksum: number;
  revision: number;
  /** Every run of a comparison (the base run first). */
  runs: RunSnapshot[];
}

export interface RunSnapshot {
  step: number;
  lastLoss: number | null;
  validationAccuracy: number | null;
  ece: number | null;
  diverged: number | null;
}

export interface LosscapeTestHook {
  snapshot(): AppSnapshot;
  /** Replaces the whole config (clamped like any other input). */
  setConfig(input: unknown): void;
  client: TrainerClient;
  /** The loss-landscape view: the grid on screen (resolution, min, max), its plane, the slice. */
  landscape(): LandscapeSnapshot;
  surveyor: SurveyorClient | null;
  /**
   * Terminates the trainer worker as a crash would; the app restarts it and resumes (see
   * TrainerClient). Returns the last step received before the crash: the worker trains on while a
   * test reads the page, so only a step read at the moment of the crash bounds where it resumes.
   */
  crashTrainer(): number;
  /** Destroys the trainer's WebGPU device, as if it were lost; the app goes on on WASM. */
  loseWebGPUDevice(): void;
}

declare global {
  interface Window {
    __losscape?: LosscapeTestHook;
  }
}

export function testHookInstall(client: TrainerClient, surveyor: SurveyorClient | null = null): void {
  window.__losscape = {
    client,
    surveyor,
    landscape: landscapeSnapshot,
    crashTrainer: () => {
      trainingStoreFlush();
      const step = useTrainingStore.getState().step;
      client.crashForTest();
      return step;
    },
    loseWebGPUDevice: () => client.loseDeviceForTest(),
    setConfig(input) {
      useConfigStore.getState().replace(input);
    },
    snapshot() {
      const s = useTrainingStore.getState();
      const base = s.runs[0]!;
      let checksum = 0;
      s.points?.x.forEach((v, i) => (checksum += v * ((i % 7) + 1)));
      return {
        backend: s.backend?.name ?? null,
        playing: s.playing,
        step: s.step,
        firstLoss: base.trainLoss.first() ?? null,
        lastLoss: base.trainLoss.last() ?? null,
        validationLoss: base.evaluation?.validationLoss ?? null,
        trainAccuracy: base.evaluation?.trainAccuracy ?? null,
        stepsPerSecond: base.latest?.stepsPerSecond ?? null,
        tensors: base.latest?.tensors ?? null,
        diverged: base.diverged?.step ?? null,
        points: s.points?.y.length ?? 0,
        features: s.points?.features ?? 0,
        axes: s.points?.axes ?? null,
        pointsChecksum: checksum,
        revision: useConfigStore.getState().revision,
        runs: s.runs.map((run) => ({
          step: run.step,
          lastLoss: run.trainLoss.last() ?? null,
          validationAccuracy: run.evaluation?.validationAccuracy ?? null,
          ece: run.calibration?.before.ece ?? null,
          diverged: run.diverged?.step ?? null,
        })),
      };
    },
  };
}
