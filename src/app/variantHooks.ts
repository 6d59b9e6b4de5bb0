import { useCallback } from 'react';
import { configVariant, type RunVariant } from '../engine/config';
import { useConfigStore } from './configStore';
import { useSelectedRun } from './selectionStore';

/** The number of runs the config asks for (the base run and its compare runs). */
export function useRunCount(): number {
  return useConfigStore((s) => 1 + s.config.compare.runs.length);
}

/** Reads the selected run's loss, optimizer or training options. */
export function useSelectedVariant<T>(select: (variant: RunVariant) => T): T {
  const index = useSelectedRun(useRunCount());
  return useConfigStore((s) => select(configVariant(s.config, index)));
}

/** Edits the selected run's loss, optimizer or training options (clamped like any change). */
export function useUpdateVariant(): (change: (variant: RunVariant) => void) => void {
  const index = useSelectedRun(useRunCount());
  const update = useConfigStore((s) => s.update);
  return useCallback((change) => update((draft) => change(configVariant(draft, index))), [update, index]);
}
