import { useConfigStore } from '../../app/configStore';

/** Steps per animation frame; 0 trains as fast as the machine can. */
const SPEEDS = [0, 1, 2, 5, 10, 20, 50, 100];

/** Play speed (TensorFlow Playground's pace): slow enough to watch each step, or flat out. */
export function PlaySpeed() {
  const speed = useConfigStore((s) => s.config.playback.stepsPerFrame);
  const update = useConfigStore((s) => s.update);
  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <select
      aria-label="Play speed: steps per frame"
      title="Play speed: steps per animation frame (about 60 frames a second)"
      data-testid="play-speed"
      value={speed}
      onChange={(e) => update((c) => void (c.playback.stepsPerFrame = Number(e.target.value)))}
    >
      {speeds.map((n) => (
        <option key={n} value={n}>
          {/* Short, so the closed menu shows them whole in the header; the title says "steps per frame". */}
          {n === 0 ? 'fastest' : `${n}/frame`}
        </option>
      ))}
    </select>
  );
}
