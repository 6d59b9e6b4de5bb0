import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('no Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

/**
 * Flags verified on machines without a GPU: WebGPU needs --enable-unsafe-webgpu to offer an
 * adapter at all, and the networking flags keep Chromium from calling home on a closed network.
 * The e2e tests use these too (e2e/chromium.ts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
