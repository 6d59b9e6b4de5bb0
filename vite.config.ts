import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built page's Content-Security-Policy: no inline scripts and no eval, only this origin.
 * 'wasm-unsafe-eval' lets tfjs compile its WebAssembly backend and nothing else; inline styles
 * stay allowed for KaTeX and React's style props. The dev server is left without it, since
 * React's fast refresh needs an inline script there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Cross-origin isolation (COOP + COEP), which browsers require before they offer SharedArrayBuffer
 * and with it WASM threads (src/workers/wasmThreads.ts). Everything the app loads is its own
 * origin, so `require-corp` blocks nothing. A static host must send the same two headers.
 */
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'losscape-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // tfjs is large by nature; it lives in the worker chunks, not the main bundle.
    chunkSizeWarningLimit: 2500,
  },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  // Imported only by the workers' WASM threads code (src/workers/wasmThreads.ts): pre-bundled up
  // front, or the dev server finds them on first use and reloads the page.
  optimizeDeps: { include: ['@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js', '@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testSetup.ts'],
    testTimeout: 30_000,
  },
});
