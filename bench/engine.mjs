// `npm run bench:engine`: bundles bench/engine/main.ts with the engine and tfjs into one ES module
// (Vite, SSR build for Node; the `webgpu` package stays outside, it loads Dawn's native addon) and
// runs it. The bundle can be copied to a machine without the project: see bench/engine/main.ts
// for its environment, and ../shared/design/gpu-machine.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_ENGINE_OUT_DIR: where the bundle goes (the default is inside node_modules, which checkouts may share).
const outDir = process.env.BENCH_ENGINE_OUT_DIR || join(root, 'node_modules', '.cache', 'losscape-engine-bench');
// The emscripten glue of the wasm backend expects CommonJS's require and __dirname.
const banner = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __pathDirname } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join(' ');

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: join(root, 'bench', 'engine', 'main.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { external: ['webgpu'], output: { format: 'es', entryFileNames: 'engine-bench.mjs', codeSplitting: false, banner } },
  },
  ssr: { noExternal: true, target: 'node' },
});

const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
// BENCH_ENGINE_BUNDLE_ONLY=1: build only, to copy to a GPU machine with the .wasm files
// (BENCH_ENGINE_WASM_DIR there) and node_modules/webgpu (index.js and dist/linux-x64/dawn.node).
if (process.env.BENCH_ENGINE_BUNDLE_ONLY === '1') {
  console.log(`bundle: ${join(outDir, 'engine-bench.mjs')}\nwasm files: ${wasmDir}`);
  process.exit(0);
}
const run = spawnSync(process.execPath, [join(outDir, 'engine-bench.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_ENGINE_WASM_DIR: process.env.BENCH_ENGINE_WASM_DIR ?? wasmDir },
});
process.exit(run.status ?? 1);
