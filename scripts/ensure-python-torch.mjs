// Finds a Python 3 with PyTorch for the check that runs exported PyTorch projects
// (src/torchExport). When none is found and this is root on a Debian-like system, installs
// Debian's python3-torch package; otherwise prints one line saying the check will be skipped.
// Never fails: without PyTorch the comparison test skips with the same message.
// Prints the interpreter's path on its last line when one is found (scripts read it).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian's package installs into the system interpreter, which a pyenv or venv `python3` on PATH hides.
const candidates = [process.env.TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);

function hasTorch(python) {
  const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
  return probe.status === 0;
}

const found = () => candidates.find(hasTorch);

let python = found();
if (!python) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No PyTorch found: installing Debian's python3-torch package…");
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch', { stdio: 'inherit' });
    } catch {
      // Reported below with the skip message.
    }
    python = found();
  }
}
if (python) {
  console.log(python);
} else {
  console.log('PyTorch not found: the PyTorch export comparison will be skipped (Debian: `sudo apt-get install python3-torch`, or set TORCH_PYTHON to a Python with torch).');
}
