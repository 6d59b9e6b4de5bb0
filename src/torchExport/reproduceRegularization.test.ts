// The exported project adds the app's L1/L2 penalty to the objective (regularization.py) and
// reports the data loss, as the app does: L1 and L2 at two rates, with Adam and with momentum on
// minibatches, each 200 steps by PyTorch and by the engine; and the penalty itself against the
// engine's plain-TypeScript reference.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { configClamp, DEFAULT_CONFIG } from '../engine/config';
import { regularizationPenaltyReference } from '../engine/regularization';
import { rng } from '../engine/rng';
import { compareCurves, engineCurves, REPRODUCE_TOLERANCE, torchCurves, type CompareCase } from './reproduceCompare';
import { PYTHON_SOURCES } from './pythonSources';
import { findTorchPython } from './torchPython';

const STEPS = 200;
const python = findTorchPython();

const training = (regularization: string, regularizationRate: number) => ({ ...DEFAULT_CONFIG.training, regularization, regularizationRate });
const cases: CompareCase[] = [
  { name: 'L2 0.01, circle, Adam', config: configClamp({ training: training('l2', 0.01) }).config },
  {
    name: 'L1 0.003, moons, momentum, batch 32; L2 0.1 with SGD as run 2',
    config: configClamp({
      data: { ...DEFAULT_CONFIG.data, kind: 'moons' },
      optimizer: { ...DEFAULT_CONFIG.optimizer, id: 'momentum', params: {}, learningRate: 0.1, batchSize: 32 },
      training: training('l1', 0.003),
      compare: { runs: [{ optimizer: { id: 'sgd', learningRate: 0.3, batchSize: 0 }, training: { regularization: 'l2', regularizationRate: 0.1 } }] },
    }).config,
  },
];

test.skipIf(!python.path)(`L1/L2: ${STEPS} steps of PyTorch within ${REPRODUCE_TOLERANCE} of the engine`, () => {
  const torch = torchCurves(python.path!, cases, STEPS);
  const { lines, failures } = compareCurves(cases, cases.map((c) => engineCurves(c.config, STEPS)), torch, STEPS);
  console.log(`PyTorch export vs engine, L1/L2:\n${lines.join('\n')}`);
  expect(torch).toHaveLength(3);
  expect(failures).toEqual([]);
}, 300_000);

test.skipIf(!python.path)('regularization.py’s penalty equals the engine’s reference, and its gradient is rate·sign w (L1) or rate·w (L2)', () => {
  const random = rng(5);
  const kernels = [Array.from({ length: 12 }, () => random.normal()), Array.from({ length: 8 }, () => 2 * random.normal())];
  const folder = mkdtempSync(join(tmpdir(), 'losscape-penalty-'));
  try {
    // regularization.py imports the model's shapes (model.py, which imports rng.py): the whole fixed set.
    for (const [name, source] of Object.entries(PYTHON_SOURCES)) writeFileSync(join(folder, name), source);
    const script = `
import json, sys, torch
sys.path.insert(0, ${JSON.stringify(folder)})
import regularization
out = []
for kind, rate in (("l1", 0.003), ("l2", 0.5), ("none", 1.0), ("l2", 0.0)):
    ws = [torch.tensor(k, dtype=torch.float32, requires_grad=True) for k in ${JSON.stringify(kernels)}]
    value = regularization.penalty(kind, rate, ws)
    grads = torch.autograd.grad(value, ws, allow_unused=True) if value.requires_grad else [None, None]
    out.append({"kind": kind, "rate": rate, "value": float(value), "grads": [g.tolist() if g is not None else None for g in grads]})
print(json.dumps(out))`;
    const result = spawnSync(python.path!, ['-c', script], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as { kind: 'l1' | 'l2' | 'none'; rate: number; value: number; grads: (number[] | null)[] }[];
    for (const row of rows) {
      const expected = regularizationPenaltyReference(row.kind, row.rate, kernels);
      expect(Math.abs(row.value - expected) / Math.max(1e-3, Math.abs(expected)), `${row.kind} ${row.rate}`).toBeLessThan(1e-5);
      if (row.kind === 'none' || row.rate === 0) continue;
      kernels.forEach((k, m) =>
        k.forEach((w, i) => {
          const expectedGrad = row.kind === 'l1' ? row.rate * Math.sign(w) : row.rate * w;
          expect(row.grads[m]![i]!).toBeCloseTo(expectedGrad, 5);
        }),
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test.runIf(!python.path)('the L1/L2 comparison is skipped without PyTorch', () => {
  expect(python.message).toMatch(/PyTorch/);
});
