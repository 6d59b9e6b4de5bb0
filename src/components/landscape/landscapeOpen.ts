import { useConfigStore } from '../../app/configStore';

/** Turns the surveying of landscapes on or off (off, the surveyor worker stays idle). */
export function landscapeSetOpen(open: boolean): void {
  useConfigStore.getState().update((draft) => {
    draft.landscape.open = open;
  });
}
