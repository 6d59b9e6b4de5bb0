// The browser the e2e tests drive: the same Chromium and flags as the benchmark (bench/chromium.mjs).
export { CHROMIUM_ARGS, chromiumExecutable as chromiumPath } from '../bench/chromium.mjs';
