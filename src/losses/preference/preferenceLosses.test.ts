import { describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import { rng } from '../../engine/rng';
import type { LossParams } from '../types';
import { PREFERENCE_LOSSES, preferenceLossById } from './registry';
import type { PreferenceInputsRef, PreferenceInputsTf, PreferenceLossSpec } from './types';
import { refLogProb } from './refMath';

const K = 4;

/** Seeded logits (scale ~1.5), pairs of distinct responses, forget and retain sets with reference log-probs. */
function inputsCase(seed: number, n = 5): PreferenceInputsRef {
  const random = rng(seed);
  const logits = (): number[][] => Array.from({ length: n }, () => Array.from({ length: K }, () => 1.5 * random.normal()));
  const refs = (): number[] => Array.from({ length: n }, () => Math.log(0.05 + 0.4 * random.next()));
  const chosen = Array.from({ length: n }, () => random.int(K));
  const rejected = chosen.map((c) => (c + 1 + random.int(K - 1)) % K);
  return {
    pairs: { logits: logits(), chosen, rejected, refChosen: refs(), refRejected: refs() },
    forget: { logits: logits(), target: Array.from({ length: n }, () => random.int(K)), ref: refs() },
    retain: { logits: logits(), target: Array.from({ length: n }, () => random.int(K)), ref: refs() },
  };
}

const oneHot = (labels: readonly number[]): tf.Tensor2D => tf.oneHot(tf.tensor1d(labels as number[], 'int32'), K).toFloat() as tf.Tensor2D;

/** The tfjs inputs, with the three logit matrices given as tensors (so they can be differentiated). */
function toTf(c: PreferenceInputsRef, [pl, fl, rl]: tf.Tensor2D[]): PreferenceInputsTf {
  const { pairs, forget, retain } = c as Required<PreferenceInputsRef>;
  return {
    pairs: { logits: pl!, chosen: oneHot(pairs.chosen), rejected: oneHot(pairs.rejected), refChosen: tf.tensor1d(pairs.refChosen as number[]), refRejected: tf.tensor1d(pairs.refRejected as number[]) },
    forget: { logits: fl!, target: oneHot(forget.target), ref: tf.tensor1d(forget.ref as number[]) },
    retain: { logits: rl!, target: oneHot(retain.target), ref: tf.tensor1d(retain.ref as number[]) },
  };
}

function logitsOf(c: PreferenceInputsRef): number[][][] {
  return [c.pairs!.logits, c.forget!.logits, c.retain!.logits].map((m) => m.map((r) => [...r]));
}

function withLogits(c: PreferenceInputsRef, [pl, fl, rl]: number[][][]): PreferenceInputsRef {
  return { pairs: { ...c.pairs!, logits: pl! }, forget: { ...c.forget!, logits: fl! }, retain: { ...c.retain!, logits: rl! } };
}

function valueTf(loss: PreferenceLossSpec, c: PreferenceInputsRef, params: LossParams): number {
  return tf.tidy(() => loss.compute(toTf(c, logitsOf(c).map((m) => tf.tensor2d(m))), params).dataSync()[0]!);
}

function gradientTf(loss: PreferenceLossSpec, c: PreferenceInputsRef, params: LossParams): number[][][] {
  return tf.tidy(() => {
    // tf.grads wants every input on the path; a loss reads only its family's sets, so the others
    // join with weight 0 (their gradient is then exactly 0, as the reference's finite differences say).
    const grads = tf.grads((pl: tf.Tensor, fl: tf.Tensor, rl: tf.Tensor) =>
      tf.add(loss.compute(toTf(c, [pl, fl, rl] as tf.Tensor2D[]), params), tf.mul(0, tf.addN([pl, fl, rl].map((t) => tf.sum(t))))),
    );
    return grads(logitsOf(c).map((m) => tf.tensor2d(m))).map((g) => g.arraySync() as number[][]);
  });
}

function gradientFiniteDifference(loss: PreferenceLossSpec, c: PreferenceInputsRef, params: LossParams, h = 1e-5): number[][][] {
  const base = logitsOf(c);
  return base.map((matrix, m) =>
    matrix.map((row, i) =>
      row.map((_, k) => {
        const at = (delta: number): number => {
          const shifted = logitsOf(c);
          shifted[m]![i]![k]! += delta;
          return loss.reference(withLogits(c, shifted), params);
        };
        return (at(h) - at(-h)) / (2 * h);
      }),
    ),
  );
}

function defaults(loss: PreferenceLossSpec): Record<string, number> {
  return Object.fromEntries(loss.params.map((p) => [p.id, p.default]));
}

/** Defaults, and each parameter moved to a point inside its range, so no parameter goes untested. */
function paramSets(loss: PreferenceLossSpec): Record<string, number>[] {
  const sets = [defaults(loss)];
  for (const p of loss.params) sets.push({ ...defaults(loss), [p.id]: p.min + 0.3 * (p.max - p.min) });
  return sets;
}

describe('preference and unlearning losses', () => {
  for (const loss of PREFERENCE_LOSSES) {
    describe(loss.id, () => {
      it('has words, a formula and a source', () => {
        expect(loss.name.length).toBeGreaterThan(1);
        expect(loss.tex).toContain('\\ell');
        expect(loss.note.length).toBeGreaterThan(40);
        expect(loss.source.length).toBeGreaterThan(10);
      });
      it('tfjs equals the plain-TypeScript reference to 1e-5', () => {
        for (const seed of [1, 2, 3]) {
          const c = inputsCase(seed);
          for (const params of paramSets(loss)) expect(Math.abs(valueTf(loss, c, params) - loss.reference(c, params))).toBeLessThan(1e-5 * Math.max(1, Math.abs(loss.reference(c, params))));
        }
      });
      it('its per-row terms average to its objective (Σ over sets of the mean of each set’s terms)', () => {
        for (const seed of [6, 7]) {
          const c = inputsCase(seed);
          for (const params of paramSets(loss)) {
            const [value, fromTerms, rows] = tf.tidy(() => {
              const inputs = toTf(c, logitsOf(c).map((m) => tf.tensor2d(m)));
              const terms = loss.terms(inputs, params);
              const sets = [terms.pairs, terms.forget, terms.retain].filter((t) => t !== undefined);
              return [loss.compute(inputs, params).dataSync()[0]!, sets.reduce((sum, t) => sum + tf.mean(t).dataSync()[0]!, 0), sets.map((t) => t.shape[0])];
            });
            expect(Math.abs(fromTerms - value)).toBeLessThan(1e-6 * Math.max(1, Math.abs(value)));
            expect(rows.every((n) => n === 5)).toBe(true); // one term per row
          }
        }
      });
      it('its autodiff gradient equals finite differences of the reference to 1e-3', () => {
        for (const seed of [4, 5]) {
          const c = inputsCase(seed);
          for (const params of paramSets(loss)) {
            const auto = gradientTf(loss, c, params).flat(2);
            const numeric = gradientFiniteDifference(loss, c, params).flat(2);
            auto.forEach((g, i) => expect(Math.abs(g - numeric[i]!)).toBeLessThan(1e-3));
          }
        }
      });
    });
  }

  it('hand-computed values: DPO and RPO at a zero margin, IPO, SimPO and NPO at π = π_ref', () => {
    // Uniform logits over K = 4 and π_ref = π: every log-ratio is 0 and log π = −ln 4.
    const uniform = [[0, 0, 0, 0]];
    const logQuarter = -Math.log(4);
    const c: PreferenceInputsRef = {
      pairs: { logits: uniform, chosen: [0], rejected: [1], refChosen: [logQuarter], refRejected: [logQuarter] },
      forget: { logits: uniform, target: [2], ref: [logQuarter] },
      retain: { logits: uniform, target: [3], ref: [logQuarter] },
    };
    const close = (id: string, params: LossParams, expected: number): void => {
      const loss = preferenceLossById(id);
      expect(loss.reference(c, params)).toBeCloseTo(expected, 12);
      expect(valueTf(loss, c, params)).toBeCloseTo(expected, 5);
    };
    close('dpo', { beta: 0.5 }, Math.LN2);
    close('ipo', { tau: 0.25 }, 4); // (0 − 1/(2·0.25))² = 2² = 4
    close('simpo', { beta: 2, gamma: 1 }, Math.log(1 + Math.E)); // −log σ(−1)
    close('rpo', { beta: 0.5, eta: 2 }, Math.LN2 + 2 * Math.log(4));
    close('ga', {}, logQuarter);
    close('npo', { beta: 1 }, 2 * Math.LN2); // (2/β)·log(1 + 1)
    close('npo-rt', { beta: 0.5, lambda: 3 }, 4 * Math.LN2 + 3 * Math.log(4));
  });

  it("NPO's gradient is gradient ascent's times the adaptive weight 2π^β/(π^β + π_ref^β), example by example", () => {
    const c = inputsCase(9, 1);
    const ga = preferenceLossById('ga');
    const npo = preferenceLossById('npo');
    for (const seed of [9, 10, 11, 12]) {
      const one = inputsCase(seed, 1);
      const z = one.forget!.logits[0]!;
      const y = one.forget!.target[0]!;
      for (const beta of [0.1, 1, 3]) {
        const logPi = refLogProb(z, y);
        const logRef = one.forget!.ref[0]!;
        const weight = (2 * Math.exp(beta * logPi)) / (Math.exp(beta * logPi) + Math.exp(beta * logRef));
        const gaGrad = gradientTf(ga, one, {})[1]![0]!;
        const npoGrad = gradientTf(npo, one, { beta })[1]![0]!;
        npoGrad.forEach((g, k) => expect(g).toBeCloseTo(weight * gaGrad[k]!, 5));
        expect(weight).toBeGreaterThan(0);
      }
    }
    expect(c.forget!.logits.length).toBe(1);
  });
});
