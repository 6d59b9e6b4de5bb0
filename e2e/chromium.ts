import { existsSync } from 'node:fs';

/** Debian's Chromium (or one named by CHROMIUM_PATH); Playwright's own browser download is not used. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (!found) throw new Error('no Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

/**
 * Flags verified on machines without a GPU: WebGPU needs --enable-unsafe-webgpu to offer an
 * adapter at all, and the networking flags keep Chromium from calling home on a closed network.
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
