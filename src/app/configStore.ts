import { create } from 'zustand';
import { configClamp, DEFAULT_CONFIG, type ExperimentConfig } from '../engine/config';

interface ConfigState {
  config: ExperimentConfig;
  /** Bumped on every change; the worker tags what it sends with it, so stale frames are dropped. */
  revision: number;
  /** What the last change had to adjust to stay in range, in words. */
  notices: string[];
  /** Applies a change; the result is clamped to a valid config before it is stored. */
  update(change: (draft: ExperimentConfig) => void): void;
  replace(input: unknown): void;
  dismissNotices(): void;
}

function cloneConfig(config: ExperimentConfig): ExperimentConfig {
  return structuredClone(config);
}

export const useConfigStore = create<ConfigState>((set, get) => ({
  config: cloneConfig(DEFAULT_CONFIG),
  revision: 1,
  notices: [],
  update(change) {
    const draft = cloneConfig(get().config);
    change(draft);
    const { config, changes } = configClamp(draft);
    set((state) => ({ config, revision: state.revision + 1, notices: changes }));
  },
  replace(input) {
    const { config, changes } = configClamp(input);
    set((state) => ({ config, revision: state.revision + 1, notices: changes }));
  },
  dismissNotices() {
    set({ notices: [] });
  },
}));
