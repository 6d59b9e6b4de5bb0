import { create } from 'zustand';
import type { NetworkSnapshot } from '../workers/protocol';

/** The network view's latest snapshot of the run it is open on (null while none has come). */
export interface NetworkState {
  run: number | null;
  snapshot: NetworkSnapshot | null;
}

export const useNetworkStore = create<NetworkState>(() => ({ run: null, snapshot: null }));
