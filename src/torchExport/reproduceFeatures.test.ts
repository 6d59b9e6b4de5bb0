// The exported project trains on the app's input features (features.py): every feature of the
// Playground at once, and a set without the raw inputs, each 200 steps by PyTorch and by the engine.
import { expect, test } from 'vitest';
import { configClamp, DEFAULT_CONFIG } from '../engine/config';
import { compareCurves, engineCurves, REPRODUCE_TOLERANCE, torchCurves, type CompareCase } from './reproduceCompare';
import { findTorchPython } from './torchPython';

const STEPS = 200;
const python = findTorchPython();

const cases: CompareCase[] = [
  { name: 'features x1 x2 x1² x2² x1x2 sin x1 sin x2, circle, Adam', config: configClamp({ model: { ...DEFAULT_CONFIG.model, features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] } }).config },
  {
    name: 'features x1² x2² sin x2, xor, SGD, relu; focal as run 2',
    config: configClamp({
      data: { ...DEFAULT_CONFIG.data, kind: 'xor' },
      model: { ...DEFAULT_CONFIG.model, activation: 'relu', features: ['sinx2', 'x2sq', 'x1sq'] },
      optimizer: { ...DEFAULT_CONFIG.optimizer, id: 'sgd', params: {}, learningRate: 0.3 },
      compare: { runs: [{ loss: { id: 'focal', params: {}, addons: {} } }] },
    }).config,
  },
];

test.skipIf(!python.path)(`input features: ${STEPS} steps of PyTorch within ${REPRODUCE_TOLERANCE} of the engine`, () => {
  const torch = torchCurves(python.path!, cases, STEPS);
  for (const out of torch) expect(out.regenerated, `${out.folder}: generate.py remakes data.json's points`).toBe(true);
  const { lines, failures } = compareCurves(cases, cases.map((c) => engineCurves(c.config, STEPS)), torch, STEPS);
  console.log(`PyTorch export vs engine, input features:\n${lines.join('\n')}`);
  expect(failures).toEqual([]);
}, 300_000);

test.runIf(!python.path)('the input-feature comparison is skipped without PyTorch', () => {
  expect(python.message).toMatch(/PyTorch/);
});
