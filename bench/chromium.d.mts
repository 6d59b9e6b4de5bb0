/** Debian's Chromium, or the one CHROMIUM_PATH names; throws when there is none. */
export function chromiumExecutable(): string;
/** Launch flags verified headless as root on machines without a GPU (see chromium.mjs). */
export const CHROMIUM_ARGS: string[];
