import { useSelectedRun } from './selectionStore';
import { useTrainingStore, type RunState } from './trainingStore';

/** The selected run's streamed state, for views that show one run at a time. */
export function useSelectedRunState<T>(select: (run: RunState) => T): T {
  const index = useSelectedRun(useTrainingStore((s) => s.runs.length));
  return useTrainingStore((s) => select(s.runs[index] ?? s.runs[0]!));
}
