import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { configClamp, type ExperimentConfig } from '../config';
import { mlpForward, mlpWeightTensors } from '../mlp';
import { MinibatchOrder } from '../minibatchOrder';
import { rngSeedFor } from '../rng';
import { preferenceLossById } from '../../losses/preference/registry';
import { preferenceProblemCreate } from './problem';
import { preferenceTensorsCreate, preferenceTensorsDispose } from './preferenceTensors';
import { PreferenceRun, preferenceInitialWeights } from './preferenceRun';

const SEED = 9;
const problem = preferenceProblemCreate({ prompts: 60, responses: 4, labelNoise: 0.1, forgetFraction: 0.25, seed: 3 });

function configOf(loss: string, batchSize: number): ExperimentConfig {
  return configClamp({ task: 'preference', seed: SEED, loss: { id: loss }, data: { points: 60 }, model: { layers: 1, width: 8 }, preference: { responses: 4, warmupSteps: 10 }, optimizer: { id: 'sgd', learningRate: 0.3, batchSize } }).config;
}

/** log-softmax rows of the policy with flat weights `flat` at every prompt, in float64. */
function logPolicy(run: PreferenceRun, flat: Float32Array): number[][] {
  return tf.tidy(() => {
    let offset = 0;
    const params = mlpWeightTensors(
      run.shape.hidden.concat(run.shape.outputs).map((outputs, l, all) => {
        const inputs = l === 0 ? run.shape.inputs : all[l - 1]!;
        const w = flat.slice(offset, (offset += inputs * outputs));
        const b = flat.slice(offset, (offset += outputs));
        return { inputs, outputs, w, b };
      }),
    );
    const logits = mlpForward(params, tf.tensor2d(problem.x, [60, 2]), run.shape.activation).arraySync() as number[][];
    return logits.map((row) => {
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((s, z) => s + Math.exp(z - max), 0));
      return row.map((z) => z - lse);
    });
  });
}

/** The minibatch loss each step should have: the loss's plain-TS reference on the rows MinibatchOrder draws. */
function expectedLosses(loss: string, batchSize: number, steps: number, trace: (step: number) => { now: number[][]; ref: number[][] }): number[] {
  const spec = preferenceLossById(loss);
  const params = configOf(loss, batchSize).loss.params;
  const order = new MinibatchOrder(SEED);
  const retainOrder = new MinibatchOrder(rngSeedFor(SEED, 'retain'));
  const out: number[] = [];
  const setRef = (rows: Int32Array, now: number[][], ref: number[][]) => ({
    logits: [...rows].map((i) => now[i]!),
    target: [...rows].map((i) => problem.best[i]!),
    ref: [...rows].map((i) => ref[i]![problem.best[i]!]!),
  });
  for (let step = 0; step < steps; step++) {
    const { now, ref } = trace(step);
    if (spec.family === 'preference') {
      const rows = order.next(batchSize, 60)!;
      out.push(spec.reference({ pairs: { logits: [...rows].map((i) => now[i]!), chosen: [...rows].map((i) => problem.chosen[i]!), rejected: [...rows].map((i) => problem.rejected[i]!), refChosen: [...rows].map((i) => ref[i]![problem.chosen[i]!]!), refRejected: [...rows].map((i) => ref[i]![problem.rejected[i]!]!) } }, params));
    } else {
      const forgetRows = order.next(batchSize, problem.forget.length)!.map((j) => problem.forget[j]!);
      const retainRows = spec.usesRetain ? retainOrder.next(batchSize, problem.retain.length)!.map((j) => problem.retain[j]!) : null;
      out.push(spec.reference({ forget: setRef(forgetRows, now, ref), ...(retainRows ? { retain: setRef(retainRows, now, ref) } : {}) }, params));
    }
  }
  return out;
}

/** The run's weights, read back. */
function flatOf(run: PreferenceRun): Float32Array {
  const flat = run.weightsFlat();
  const values = flat.dataSync() as Float32Array;
  flat.dispose();
  return values;
}

/** Trains `steps` minibatch steps, recording the losses and the policy before each. */
function trained(run: PreferenceRun, steps: number): { losses: number[]; before: Float32Array[] } {
  const losses: number[] = [];
  const before: Float32Array[] = [];
  for (let s = 0; s < steps; s++) {
    before.push(flatOf(run));
    const { loss } = run.trainStep();
    losses.push(loss.dataSync()[0]!);
    loss.dispose();
  }
  return { losses, before };
}

describe('PreferenceRun minibatches', () => {
  // 60 prompts in batches of 8: the 8th step starts a new epoch's order.
  for (const [loss, batchSize, steps] of [
    ['dpo', 8, 10],
    ['simpo', 16, 6],
    ['npo-rt', 4, 6],
    ['ga', 4, 5],
  ] as const) {
    it(`${loss}, batches of ${batchSize}: each step's loss is the reference loss on the rows MinibatchOrder draws from the seed`, () => {
      const config = configOf(loss, batchSize);
      const t = preferenceTensorsCreate(problem);
      const family = preferenceLossById(loss).family;
      const initial = preferenceInitialWeights(config, t, family);
      const run = new PreferenceRun(config, t, initial);
      const ref = logPolicy(run, flatOf(run));
      const { losses, before } = trained(run, steps);
      const expected = expectedLosses(loss, batchSize, steps, (step) => ({ now: logPolicy(run, before[step]!), ref }));
      losses.forEach((value, step) => expect(value, `step ${step + 1}`).toBeCloseTo(expected[step]!, 5));
      // The losses of minibatches differ from step to step: the batches are not all the same rows.
      expect(new Set(losses.map((v) => v.toFixed(6))).size).toBeGreaterThan(1);
      run.dispose();
      preferenceTensorsDispose(t);
    });
  }

  it('a batch size of 0, or not below the set, is the whole set: the step loss is the full objective', () => {
    const t = preferenceTensorsCreate(problem);
    for (const batchSize of [0, 60, 500]) {
      const config = configOf('dpo', batchSize);
      const run = new PreferenceRun(config, t, preferenceInitialWeights(config, t, 'preference'));
      run.trainStep().loss.dispose();
      const full = run.objectiveNow();
      const { loss } = run.trainStep();
      expect(loss.dataSync()[0]!).toBeCloseTo(full.dataSync()[0]!, 6);
      tf.dispose([full, loss]);
      run.dispose();
    }
    preferenceTensorsDispose(t);
  });

  it('restore replays the minibatch order: a run resumed at step 13 goes on as the unbroken run (SGD, batches of 8)', () => {
    for (const loss of ['dpo', 'npo-rt']) {
      const config = configOf(loss, 8);
      const t = preferenceTensorsCreate(problem);
      const initial = preferenceInitialWeights(config, t, preferenceLossById(loss).family);
      const unbroken = new PreferenceRun(config, t, initial);
      trained(unbroken, 13);
      const weights = flatOf(unbroken);
      const expected = trained(unbroken, 10).losses;
      const resumed = new PreferenceRun(config, t, initial);
      resumed.restore(weights.slice(), 13);
      const tensors = tf.memory().numTensors;
      const got = trained(resumed, 10).losses;
      expect(tf.memory().numTensors).toBe(tensors);
      got.forEach((value, i) => expect(value, `${loss}, step ${14 + i}`).toBeCloseTo(expected[i]!, 6));
      unbroken.dispose();
      resumed.dispose();
      preferenceTensorsDispose(t);
    }
  });
});
