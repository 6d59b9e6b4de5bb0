// `npm test`: every check in order — type-check, lint, unit tests, production build, browser
// tests — then one closing line `tests: N passed, N failed` over all of them. Type-check, lint
// and build count as one test each; Vitest and Playwright report their own counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const SUMMARY_DIR = '.test-summary';
rmSync(SUMMARY_DIR, { recursive: true, force: true });
mkdirSync(SUMMARY_DIR, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function single(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

/** Counts from a Vitest or Playwright JSON report; a crash with no report counts as one failure. */
function counted(name, command, args, reportPath, read) {
  const { ok, seconds } = run(name, command, args);
  let counts = { passed: 0, failed: ok ? 0 : 1 };
  if (existsSync(reportPath)) {
    counts = read(JSON.parse(readFileSync(reportPath, 'utf8')));
    if (!ok && counts.failed === 0) counts.failed = 1;
  }
  if (ok && counts.passed === 0) counts.failed += 1; // a suite that ran nothing is not a pass
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
}

const npx = 'npx';
single('type-check', npx, ['--no-install', 'tsc', '--noEmit', '-p', '.']);
single('lint', npx, ['--no-install', 'eslint', '.', '--max-warnings=0']);
// PyTorch for the test that runs exported projects (src/torchExport); without it that test skips, saying why.
spawnSync('node', ['scripts/ensure-python-torch.mjs'], { stdio: 'inherit' });
counted('unit', npx, ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${SUMMARY_DIR}/unit.json`], `${SUMMARY_DIR}/unit.json`, (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0),
}));
const built = single('build', npx, ['--no-install', 'vite', 'build']);
if (built) {
  const chromium = spawnSync('node', ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' });
  if (chromium.status === 0) {
    counted('e2e', npx, ['--no-install', 'playwright', 'test'], `${SUMMARY_DIR}/e2e.json`, (r) => ({
      passed: r.stats?.expected ?? 0,
      failed: (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0),
    }));
  } else {
    failed++;
    lines.push('e2e: not run (no Chromium)');
  }
} else {
  failed++;
  lines.push('e2e: not run (the build failed)');
}

const summary = `tests: ${passed} passed, ${failed} failed`;
writeFileSync(`${SUMMARY_DIR}/summary.txt`, summary + '\n');
console.log('\n' + lines.join('\n'));
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
