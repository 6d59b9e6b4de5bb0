// Finds a Chromium for the browser tests and the benchmark. When none is found and this is root
// on a Debian-like system, installs Debian's chromium package; otherwise says what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const found = () => candidates.find((path) => path && existsSync(path));

if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
  if (!found()) {
    console.error('No Chromium found: install Chromium (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
}
