import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import type { TrainerClient } from '../app/trainerClient';
import { useState } from 'react';
import { lossById } from '../losses/registry';

/** The choices for how many steps one press of Step takes. */
const STEP_SIZES = [1, 10, 100, 1000];

export function PlaybackBar({ client }: { client: TrainerClient }) {
  const playing = useTrainingStore((s) => s.playing);
  const step = useTrainingStore((s) => s.step);
  const ready = useTrainingStore((s) => s.backend !== null);
  const diverged = useTrainingStore((s) => s.diverged);
  const stepsPerSecond = useTrainingStore((s) => s.latest?.stepsPerSecond ?? null);
  const blocked = useConfigStore((s) => lossById(s.config.loss.id).unavailableReason(s.config.data.classes));
  const canTrain = ready && !diverged && !blocked;
  const [stepSize, setStepSize] = useState(10);
  return (
    <div className="playback" role="toolbar" aria-label="Training">
      {playing ? (
        <button type="button" data-testid="pause" onClick={() => client.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" data-testid="play" className="primary" disabled={!canTrain} onClick={() => client.play()}>
          ▶ Play
        </button>
      )}
      <button type="button" data-testid="step" disabled={!canTrain || playing} onClick={() => client.step(stepSize)}>
        Step
      </button>
      <select aria-label="Steps per press of Step" data-testid="step-size" value={stepSize} onChange={(e) => setStepSize(Number(e.target.value))}>
        {STEP_SIZES.map((n) => (
          <option key={n} value={n}>
            ×{n}
          </option>
        ))}
      </select>
      <button type="button" data-testid="reset" disabled={!ready} onClick={() => client.reset()}>
        ↺ Reset
      </button>
      <span className="step-count" data-testid="step-count">
        step {step.toLocaleString('en')}
      </span>
      {playing && stepsPerSecond !== null && <span className="rate">{Math.round(stepsPerSecond)} steps/s</span>}
    </div>
  );
}
