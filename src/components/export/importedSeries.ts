import { useMemo } from 'react';
import { useImportStore } from '../../app/export/importStore';
import type { LineSeries } from '../lineChartRender';

/** The imported runs' training loss: faint, dashed and grey, behind the live curves. */
export const IMPORTED_COLOUR = '#9aa3ad';

/** The reference curves for the loss chart while an imported run is kept (none otherwise). */
export function useImportedLossSeries(): LineSeries[] {
  const imported = useImportStore((s) => s.imported);
  return useMemo(
    () =>
      (imported?.runs ?? []).map((run, i) => ({
        name: `imported-${i}`,
        colour: IMPORTED_COLOUR,
        steps: run.metrics.trainLoss.step,
        values: run.metrics.trainLoss.value,
        dashed: true,
        testId: i === 0 ? 'imported-train-loss' : `imported-train-loss-${i}`,
      })),
    [imported],
  );
}
