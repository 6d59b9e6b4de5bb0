import { create } from 'zustand';

/** What the app recovered from on its own (a worker restarted, storage refused), said once each. */
export interface FaultState {
  notices: string[];
}

/** A recovery is worth a line but never more than a few: the newest are kept. */
const MAX_FAULT_NOTICES = 3;

export const useFaultStore = create<FaultState>(() => ({ notices: [] }));

export function faultNotice(text: string): void {
  useFaultStore.setState((s) => ({ notices: [...s.notices.filter((n) => n !== text), text].slice(-MAX_FAULT_NOTICES) }));
}

export function faultNoticesDismiss(): void {
  useFaultStore.setState({ notices: [] });
}
