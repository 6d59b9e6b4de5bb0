import type { TrainerClient } from './trainerClient';
import { useConfigStore } from './configStore';
import { useTrainingStore } from './trainingStore';
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
  /** A checksum of the data points, to see that they changed. */
  pointsChecksum: number;
  revision: number;
}

export interface LosscapeTestHook {
  snapshot(): AppSnapshot;
  /** Replaces the whole config (clamped like any other input). */
  setConfig(input: unknown): void;
  client: TrainerClient;
  /** The loss-landscape view: the grid on screen (resolution, min, max), its plane, the slice. */
  landscape(): LandscapeSnapshot;
  surveyor: SurveyorClient | null;
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
    setConfig(input) {
      useConfigStore.getState().replace(input);
    },
    snapshot() {
      const s = useTrainingStore.getState();
      let checksum = 0;
      s.points?.x.forEach((v, i) => (checksum += v * ((i % 7) + 1)));
      return {
        backend: s.backend?.name ?? null,
        playing: s.playing,
        step: s.step,
        firstLoss: s.trainLoss.first() ?? null,
        lastLoss: s.trainLoss.last() ?? null,
        validationLoss: s.evaluation?.validationLoss ?? null,
        trainAccuracy: s.evaluation?.trainAccuracy ?? null,
        stepsPerSecond: s.latest?.stepsPerSecond ?? null,
        tensors: s.latest?.tensors ?? null,
        diverged: s.diverged?.step ?? null,
        points: s.points?.y.length ?? 0,
        pointsChecksum: checksum,
        revision: useConfigStore.getState().revision,
      };
    },
  };
}
