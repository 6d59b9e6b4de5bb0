// Finds a Python with PyTorch for the comparison test, as scripts/ensure-python-torch.mjs does.
import { spawnSync } from 'node:child_process';

export interface TorchPython {
  path: string | null;
  /** Why the comparison is skipped, when it is. */
  message: string;
}

export function findTorchPython(): TorchPython {
  const candidates = [process.env.TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    if (spawnSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) return { path: candidate, message: '' };
  }
  return {
    path: null,
    message: 'PyTorch not found: the PyTorch export comparison is skipped (Debian: `sudo apt-get install python3-torch`, or set TORCH_PYTHON to a Python with torch; `node scripts/ensure-python-torch.mjs` installs it as root).',
  };
}
