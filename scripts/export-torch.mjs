// `npm run export:torch -- "<link or query>" <folder>`: writes the experiment of a Losscape link as
// a PyTorch project. The exporter is TypeScript (src/torchExport); Vite's SSR loader runs it here
// without a separate build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const [link, folder] = process.argv.slice(2);
if (link === undefined || !folder) {
  console.error('Usage: npm run export:torch -- "<link or query, e.g. ?v=1&loss=focal>" <folder>');
  process.exit(2);
}

// tfjs-core (which the catalog's registries import) detects Node and reaches for a global `require`.
globalThis.require ??= createRequire(import.meta.url);

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
  // tfjs-core's ES modules import without file extensions, which Node's loader refuses: Vite resolves them.
  ssr: { noExternal: [/^@tensorflow\//] },
});
let status = 0;
try {
  const { torchExportFromLink } = await server.ssrLoadModule('/src/torchExport/fromLink.ts');
  const { files, notices, runs } = torchExportFromLink(link);
  for (const notice of notices) console.log(`note: ${notice}`);
  // npm runs scripts from the project folder; a relative folder means the one the command was typed in.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
  mkdirSync(target, { recursive: true });
  for (const file of files) writeFileSync(join(target, file.path), file.content);
  console.log(`Wrote ${files.length} files (${runs} run${runs === 1 ? '' : 's'}) to ${folder}. Run: cd ${folder} && python3 train.py --steps 200`);
} catch (error) {
  console.error(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  await server.close();
}
process.exit(status);
