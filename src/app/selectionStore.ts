import { create } from 'zustand';

/** Which run the single-run views and the loss/optimizer controls show, in a comparison. */
interface SelectionState {
  selectedRun: number;
  select(run: number): void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  selectedRun: 0,
  select: (run) => set({ selectedRun: run }),
}));

/** The selected run, kept within the runs that exist. */
export function useSelectedRun(runCount: number): number {
  const selected = useSelectionStore((s) => s.selectedRun);
  return Math.min(selected, Math.max(0, runCount - 1));
}
