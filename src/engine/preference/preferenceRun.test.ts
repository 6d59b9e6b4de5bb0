import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { configClamp } from '../config';
import { preferenceProblemCreate } from './problem';
import { preferenceTensorsCreate, preferenceTensorsDispose } from './preferenceTensors';
import { PREFERENCE_PROBE_FIELDS, PreferenceRun, preferenceInitialWeights } from './preferenceRun';

const spec = { prompts: 60, responses: 4, labelNoise: 0, forgetFraction: 0.25, seed: 3 };

describe('preference problem', () => {
  it('labels each pair of distinct responses by the hidden reward, swapped only by label noise', () => {
    const p = preferenceProblemCreate(spec);
    for (let i = 0; i < spec.prompts; i++) {
      expect(p.chosen[i]).not.toBe(p.rejected[i]);
      expect(p.reward[i * 4 + p.chosen[i]!]!).toBeGreaterThanOrEqual(p.reward[i * 4 + p.rejected[i]!]!);
      expect(p.reward[i * 4 + p.best[i]!]).toBe(Math.max(...p.reward.subarray(i * 4, i * 4 + 4)));
    }
    const noisy = preferenceProblemCreate({ ...spec, labelNoise: 0.3 });
    const flips = noisy.flipped.reduce((s, f) => s + f, 0);
    expect(flips).toBeGreaterThan(5);
    noisy.flipped.forEach((f, i) => expect(noisy.reward[i * 4 + noisy.chosen[i]!]! < noisy.reward[i * 4 + noisy.rejected[i]!]!).toBe(f === 1 && noisy.reward[i * 4 + noisy.chosen[i]!] !== noisy.reward[i * 4 + noisy.rejected[i]!]));
  });

  it('splits the prompts into a forget topic (the nearest ones to a point) and the rest', () => {
    const p = preferenceProblemCreate(spec);
    expect(p.forget.length).toBe(15);
    expect(p.retain.length).toBe(45);
    expect(new Set([...p.forget, ...p.retain]).size).toBe(60);
  });
});

describe('PreferenceRun', () => {
  const config = (loss: string) =>
    configClamp({ task: 'preference', loss: { id: loss }, data: { points: 60 }, model: { layers: 1, width: 8 }, preference: { responses: 4, warmupSteps: 30 }, optimizer: { id: 'adam', learningRate: 0.02 } }).config;

  it('applies the weight-decay option as decoupled decay: one SGD step moves θ by −ηλθ beyond the undecayed step', () => {
    const t = preferenceTensorsCreate(preferenceProblemCreate(spec));
    const base = configClamp({ task: 'preference', loss: { id: 'dpo' }, data: { points: 60 }, model: { layers: 1, width: 8 }, preference: { responses: 4 }, optimizer: { id: 'sgd', learningRate: 0.1 } }).config;
    const decayed = { ...base, optimizer: { ...base.optimizer, weightDecay: 0.5 } };
    const initial = preferenceInitialWeights(base, t, 'preference');
    const plain = new PreferenceRun(base, t, initial);
    const withDecay = new PreferenceRun(decayed, t, initial);
    const theta0 = plain.weightsFlat().dataSync().slice();
    plain.trainStep().loss.dispose();
    withDecay.trainStep().loss.dispose();
    const a = plain.weightsFlat().dataSync();
    const b = withDecay.weightsFlat().dataSync();
    theta0.forEach((w, i) => expect(b[i]! - a[i]!).toBeCloseTo(-0.1 * 0.5 * w, 5));
    plain.dispose();
    withDecay.dispose();
    preferenceTensorsDispose(t);
  });

  it('DPO widens the implicit reward margin from 0, and holds its tensor count step after step', () => {
    const t = preferenceTensorsCreate(preferenceProblemCreate(spec));
    const c = config('dpo');
    const run = new PreferenceRun(c, t, preferenceInitialWeights(c, t, 'preference'));
    const read = (): Record<string, number> => {
      const v = run.probe();
      const values = v.dataSync();
      v.dispose();
      return Object.fromEntries(PREFERENCE_PROBE_FIELDS.map((f, i) => [f, values[i]!]));
    };
    const start = read();
    expect(start.margin!).toBeCloseTo(0, 6);
    expect(start.winRate!).toBeCloseTo(0.5, 6); // π = π_ref: every comparison is a coin flip
    run.trainStep().loss.dispose();
    const tensors = tf.memory().numTensors;
    for (let s = 0; s < 20; s++) run.trainStep().loss.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    const end = read();
    expect(end.margin!).toBeGreaterThan(0.5);
    expect(end.winRate!).toBeGreaterThan(0.55);
    expect(Math.abs(end.cosine!)).toBeLessThanOrEqual(1);
    run.dispose();
    preferenceTensorsDispose(t);
  });

  it('unlearning starts from the policy warmed up on the best responses, and NPO lowers the forget set', () => {
    const t = preferenceTensorsCreate(preferenceProblemCreate(spec));
    const c = config('npo');
    const run = new PreferenceRun(c, t, preferenceInitialWeights(c, t, 'unlearning'));
    const forgetProb = (): number => {
      const v = run.probe();
      const value = v.dataSync()[PREFERENCE_PROBE_FIELDS.indexOf('forgetProb')]!;
      v.dispose();
      return value;
    };
    const before = forgetProb();
    expect(before).toBeGreaterThan(0.5); // 30 warm-up steps from ~1/4
    for (let s = 0; s < 20; s++) run.trainStep().loss.dispose();
    expect(forgetProb()).toBeLessThan(before - 0.1);
    run.dispose();
    preferenceTensorsDispose(t);
  });
});

describe('config for task=preference', () => {
  it('keeps each task to its own losses, with a notice', () => {
    const a = configClamp({ task: 'preference', loss: { id: 'focal' }, compare: { runs: [{ loss: { id: 'rpo', params: { eta: 2 } } }] } });
    expect(a.config.loss.id).toBe('dpo');
    expect(a.config.compare.runs[0]!.loss).toEqual({ id: 'rpo', params: { beta: 0.5, eta: 2 }, addons: {} });
    expect(a.changes.join(' ')).toContain('loss.id "focal" is unknown → dpo');
    const b = configClamp({ loss: { id: 'npo' } });
    expect(b.config.loss.id).toBe('ce');
    expect(b.changes.join(' ')).toContain('loss.id "npo" is unknown → ce');
    expect(configClamp({ task: 'preference' }).config.loss.id).toBe('dpo');
    expect(configClamp({ task: 'preference' }).changes).toEqual([]);
  });

  it('clamps the preference settings with a notice', () => {
    const { config, changes } = configClamp({ task: 'preference', preference: { responses: 50, labelNoise: -1, forgetFraction: 0.9, warmupSteps: 1.5 } });
    expect(config.preference).toEqual({ responses: 6, labelNoise: 0, forgetFraction: 0.5, warmupSteps: 2 });
    expect(changes.length).toBe(4);
  });
});
