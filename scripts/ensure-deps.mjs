// Installs the npm dependencies when they are missing or were installed from another lockfile, so
// that `npm start` and `npm test` work on a fresh clone. Uses only Node's standard library.
// The lockfile is compared by content (a hash recorded at install): a checkout that only touched
// its date (a new clone or worktree sharing node_modules) does not reinstall.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const recordFile = 'node_modules/.losscape-lockfile-sha256';
const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json') : null;
const lockHash = lock ? createHash('sha256').update(lock).digest('hex') : '';
const recorded = existsSync(recordFile) ? readFileSync(recordFile, 'utf8').trim() : null;
// Without a record (installed by `npm ci` directly), the lockfile's date against the install's.
const olderThanLock = lock !== null && existsSync(marker) && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
const stale = !existsSync(marker) || (recorded !== null ? recorded !== lockHash : olderThanLock);
if (stale) {
  const command = lock ? 'npm ci' : 'npm install';
  console.log(`Installing dependencies (${command})…`);
  execSync(command, { stdio: 'inherit' });
}
if (existsSync('node_modules') && recorded !== lockHash) writeFileSync(recordFile, `${lockHash}\n`);
