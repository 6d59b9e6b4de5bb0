import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import type { TrainerClient } from '../app/trainerClient';
import { useEffect, useRef, useState } from 'react';
import { PRESSABLE, clickFocusTrack, playbackKeyAction } from './playbackKeys';
import { lossById } from '../losses/registry';
import { configRuns } from '../engine/config';
import { ReachedTotal } from './ReachedTotal';
import { rateWindowCreate } from '../app/rateWindow';
import { PlaySpeed } from './playground/PlaySpeed';

/** The choices for how many steps one press of Step takes. */
const STEP_SIZES = [1, 10, 100, 1000];

export function PlaybackBar({ client }: { client: TrainerClient }) {
  const playing = useTrainingStore((s) => s.playing);
  const step = useTrainingStore((s) => s.step);
  const ready = useTrainingStore((s) => s.backend !== null);
  // Training goes on while any run has not diverged; each run's steps/s adds to the total.
  const diverged = useTrainingStore((s) => s.runs.every((run) => run.diverged !== null));
  const runsTraining = useTrainingStore((s) => s.runs.filter((run) => run.diverged === null).length);
  const stepsPerSecond = useStepRate();
  // Every regression loss is available; a classification loss may not be for these classes.
  const blocked = useConfigStore((s) =>
    s.config.task === 'classification' ? (configRuns(s.config).map((run) => lossById(run.loss.id).unavailableReason(s.config.data.classes, run.loss.params)).find((r) => r !== null) ?? null) : null,
  );
  const canTrain = ready && !diverged && !blocked;
  const [stepSize, setStepSize] = useState(10);
  // Space plays and pauses, "." steps, anywhere on the page but where the key already means something.
  const keys = useRef({ playing, canTrain, stepSize });
  useEffect(() => {
    keys.current = { playing, canTrain, stepSize };
  }, [playing, canTrain, stepSize]);
  useEffect(() => {
    const focus = clickFocusTrack(window);
    const onKey = (event: KeyboardEvent): void => {
      const action = playbackKeyAction(event, focus.clicked());
      if (!action) return;
      const { playing: on, canTrain: can, stepSize: size } = keys.current;
      if (action === 'toggle' && (on || can)) {
        event.preventDefault();
        // A clicked button keeps focus; it gives it up, so the key's release cannot press it.
        if (event.target instanceof HTMLElement && event.target.matches(PRESSABLE)) event.target.blur();
        if (on) client.pause();
        else client.play();
      } else if (action === 'step' && can && !on) {
        event.preventDefault();
        client.step(size);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      focus.stop();
    };
  }, [client]);
  return (
    <div className="playback" role="toolbar" aria-label="Training">
      {playing ? (
        <button type="button" data-testid="pause" aria-keyshortcuts="Space" title="Pause (Space)" onClick={() => client.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" data-testid="play" className="primary" aria-keyshortcuts="Space" title="Play (Space)" disabled={!canTrain} onClick={() => client.play()}>
          ▶ Play
        </button>
      )}
      <button type="button" data-testid="step" aria-keyshortcuts="." title="Step (.)" disabled={!canTrain || playing} onClick={() => client.step(stepSize)}>
        Step
      </button>
      <select aria-label="Steps per press of Step" data-testid="step-size" value={stepSize} onChange={(e) => setStepSize(Number(e.target.value))}>
        {STEP_SIZES.map((n) => (
          <option key={n} value={n}>
            ×{n}
          </option>
        ))}
      </select>
      <PlaySpeed />
      <button type="button" data-testid="reset" disabled={!ready} onClick={() => client.reset()}>
        ↺ Reset
      </button>
      <span className="step-count" data-testid="step-count">
        step {step.toLocaleString('en')}
      </span>
      {playing && stepsPerSecond !== null && (
        <span className="rate" data-testid="steps-per-second">
          {Math.round(stepsPerSecond * Math.max(1, runsTraining))} steps/s
        </span>
      )}
      <ReachedTotal client={client} />
    </div>
  );
}

/** Steps a second over the last second of playing (rateWindow.ts), null until it can tell. */
function useStepRate(): number | null {
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    const window = rateWindowCreate();
    return useTrainingStore.subscribe((s, previous) => {
      if (!s.playing) {
        if (previous.playing) {
          window.reset();
          setRate(null);
        }
        return;
      }
      if (s.step !== previous.step || !previous.playing) setRate(window.add(s.step, performance.now()));
    });
  }, []);
  return rate;
}
