// When surfaces are computed: on opening the view or changing its settings, live while training
// runs (when recomputing is on: paced and sized by LandscapeLive from measured times; a 1-D slice
// every N steps), and once more when training stops (the frozen surface at the chosen resolution,
// with the whole path on it). The surveyor follows the same run as the trainer (configured on the
// same changes, with the same revision); the landscape section never restarts training.
// In a comparison every run's surface is surveyed, one after another, and the 1-D view is the
// line between run A's weights and the selected run's (B when A is selected).
import { configTrainingKey, type ExperimentConfig, type LandscapeConfig } from '../engine/config';
import { useConfigStore } from './configStore';
import { landscapeStoreClear, useLandscapeStore } from './landscapeStore';
import { useSelectionStore } from './selectionStore';
import type { SurveyorClient } from './surveyorClient';
import type { TrainerClient } from './trainerClient';
import { useTrainingStore } from './trainingStore';
import { LandscapeLive } from './landscapeLive';

/** Did a landscape change ask for a new surface (not only a different way of drawing it)? */
function surfaceSettingsChanged(a: LandscapeConfig, b: LandscapeConfig): boolean {
  return a.open !== b.open || a.directions !== b.directions || a.keepBias !== b.keepBias || a.range !== b.range || a.resolution !== b.resolution || (a.view === 'slice') !== (b.view === 'slice');
}

/**
 * Configures the surveyor whenever trainerClientFollowConfig configures the trainer (a change to
 * the run), forwards the trainer's weight snapshots to it, and requests surfaces or slices when
 * they are due. Returns an unsubscribe.
 */
export function landscapeFollow(trainer: TrainerClient, surveyor: SurveyorClient): () => void {
  let trainingRevision = 0;
  let trainingKey = '';
  let runCount = 1;
  /** Run 0's latest step (−1: none yet), and every run's. */
  let lastStep = -1;
  const latest = new Map<number, number>();
  /** The step of the last request (−1: none yet for this run). */
  let requestedAt = -1;

  /** The runs a surface covers: a diverged run's weights are not finite, it has no surface to show. */
  const surveyedRuns = (): number[] => {
    const runs = useTrainingStore.getState().runs;
    return Array.from({ length: runCount }, (_, run) => run).filter((run) => run === 0 || !runs[run]?.diverged);
  };

  /** A live surface (possibly coarser than chosen) was asked for since training last stopped. */
  let liveShown = false;
  const live = new LandscapeLive({
    ask: (resolution) => {
      const settings = useConfigStore.getState().config.landscape;
      if (!settings.open || settings.view === 'slice' || lastStep < 0 || !runsInStep()) return null;
      requestedAt = lastStep;
      liveShown = true;
      return surveyor.survey({ ...settings, resolution }, { preempt: false, quiet: true, live: true }, surveyedRuns());
    },
    busy: () => useLandscapeStore.getState().computing,
  });
  const unsubscribeSettled = surveyor.onSettled((settled) => live.onSettled(settled));

  const request = (preempt: boolean, quiet: boolean): void => {
    const settings = useConfigStore.getState().config.landscape;
    if (!settings.open || lastStep < 0) return;
    requestedAt = lastStep;
    if (settings.view === 'slice') {
      if (runCount < 2) surveyor.slice();
      else surveyor.slice({ kind: 'current', run: 0 }, { kind: 'current', run: Math.min(runCount - 1, Math.max(1, useSelectionStore.getState().selectedRun)) });
    } else {
      surveyor.survey(settings, { preempt, quiet }, surveyedRuns());
    }
  };

  /** Every run has sent weights at least as new as run 0's (or stopped, diverged). */
  const runsInStep = (): boolean => {
    const runs = useTrainingStore.getState().runs;
    for (let run = 0; run < runCount; run++) {
      const step = latest.get(run);
      if (runs[run]?.diverged) continue;
      if (step === undefined || step < lastStep) return false;
    }
    return true;
  };

  const configure = (config: ExperimentConfig, revision: number): void => {
    const key = configTrainingKey(config);
    if (key === trainingKey) return;
    trainingKey = key;
    trainingRevision = revision;
    lastStep = -1;
    requestedAt = -1;
    latest.clear();
    runCount = 1 + config.compare.runs.length;
    live.reset();
    surveyor.configure(config, revision);
    landscapeStoreClear();
  };

  const initial = useConfigStore.getState();
  configure(initial.config, initial.revision);
  const unsubscribeConfig = useConfigStore.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    configure(state.config, state.revision);
    if (!state.config.landscape.open && previous.config.landscape.open) surveyor.cancel();
    else if (surfaceSettingsChanged(state.config.landscape, previous.config.landscape)) request(true, false);
  });

  const unsubscribeWeights = trainer.onWeights((snapshot) => {
    if (snapshot.revision !== trainingRevision || snapshot.run >= runCount) return;
    surveyor.checkpoint(snapshot);
    if (snapshot.run === 0) {
      const reset = snapshot.step < lastStep;
      lastStep = snapshot.step;
      if (reset) {
        requestedAt = -1;
        latest.clear();
        landscapeStoreClear();
      }
      useLandscapeStore.setState({ checkpointStep: snapshot.step });
    }
    latest.set(snapshot.run, snapshot.step);
    // Surveyed once every run's weights of this step are in (the frames come one run at a time).
    if (lastStep < 0 || !runsInStep()) return;
    const settings = useConfigStore.getState().config.landscape;
    const playing = useTrainingStore.getState().playing;
    if (requestedAt < 0) request(true, false);
    else if (playing && settings.recomputeEvery > 0 && settings.view !== 'slice') live.onTrainingRate(useTrainingStore.getState().runs[0]?.latest?.stepsPerSecond ?? null);
    else if (playing && settings.recomputeEvery > 0 && Math.floor(lastStep / settings.recomputeEvery) > Math.floor(requestedAt / settings.recomputeEvery)) request(false, true);
  });

  // The 1-D view of a comparison follows the selected run.
  const unsubscribeSelection = useSelectionStore.subscribe((state, previous) => {
    if (runCount > 1 && state.selectedRun !== previous.selectedRun && useConfigStore.getState().config.landscape.view === 'slice') request(true, false);
  });

  // Training stopped (paused, or a step request done): survey the final weights with the whole path.
  const unsubscribeTraining = useTrainingStore.subscribe((state, previous) => {
    if (!previous.playing && state.playing) live.start(useConfigStore.getState().config.landscape.resolution);
    if (previous.playing && !state.playing) {
      live.stop();
      // The frozen surface, at the chosen resolution, replaces a coarser live one even at the same step.
      if (lastStep !== requestedAt || liveShown) request(true, false);
      liveShown = false;
    }
  });

  return () => {
    unsubscribeConfig();
    unsubscribeWeights();
    unsubscribeTraining();
    unsubscribeSelection();
    unsubscribeSettled();
    live.stop();
  };
}
