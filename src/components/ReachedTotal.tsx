import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import type { TrainerClient } from '../app/trainerClient';

/**
 * Play stops at the total steps T (the trainer does that); this says so and offers to go on.
 * Shown while training stands exactly at T, whether Play or Step brought it there.
 */
export function ReachedTotal({ client }: { client: TrainerClient }) {
  const total = useConfigStore((s) => s.config.training.totalSteps);
  const reached = useTrainingStore((s) => !s.playing && s.step === total && s.runs.some((run) => run.diverged === null));
  if (!reached) return null;
  return (
    <span className="reached-total" data-testid="reached-total" role="status">
      {/* Parts are left out on narrower screens, where the button says it (one header row, styles.css). */}
      <span className="reached-word">Reached </span>T = {total.toLocaleString('en')}
      <span className="reached-question"> — continue?</span>{' '}
      <button type="button" data-testid="continue" onClick={() => client.play()}>
        Continue
      </button>
    </span>
  );
}
