import { useMemo } from 'react';
import { useConfigStore } from './configStore';
import { runLabels, type RunLabel } from './runLabels';
import { useSelectedRun } from './selectionStore';

/**
 * The runs' labels ("A · CE", "B · lr 100"), recomputed when the config changes and the same
 * array as long as the labels read the same, so views can depend on it without redrawing.
 */
export function useRunLabels(): RunLabel[] {
  // A string, so the store's equality check sees that nothing changed when nothing did.
  const details = useConfigStore((s) => runLabels(s.config).map((l) => l.detail).join('\n'));
  return useMemo(
    () =>
      details.split('\n').map((detail, i) => {
        const letter = String.fromCharCode(65 + i);
        return { letter, detail, text: `${letter} · ${detail}` };
      }),
    [details],
  );
}

/** The selected run's label, and whether there is a comparison (more than one run) to say it in. */
export function useSelectedRunLabel(): { label: RunLabel; index: number; compare: boolean } {
  const labels = useRunLabels();
  const index = useSelectedRun(labels.length);
  return { label: labels[index] ?? labels[0]!, index, compare: labels.length > 1 };
}
