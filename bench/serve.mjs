import { spawn } from 'node:child_process';

/**
 * Serves the built app in `dist` with `vite preview` on 127.0.0.1:`port` and resolves once it answers.
 * The caller stops it with `process.kill(-server.pid)` (it runs in its own process group).
 */
export async function servePreview(port, dist) {
  const base = `http://127.0.0.1:${port}`;
  const up = async () => {
    try {
      return (await fetch(base)).ok;
    } catch {
      return false;
    }
  };
  // Another server on this port would be measured instead of this build.
  if (await up()) throw new Error(`port ${port} is already serving; set BENCH_PORT to a free one`);
  const server = spawn('npx', ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    if (await up()) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    process.kill(-server.pid);
  } catch {
    // it has exited
  }
  throw new Error('vite preview did not start');
}
