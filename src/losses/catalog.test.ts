// The catalog's table, transcribed: every loss it lists exists under its id, with the
// parameters, defaults and ranges it gives. Where the catalog gives only a default, the range
// is ours and only the default is checked.
import { describe, expect, it } from 'vitest';
import { ADDONS, addonById } from './addons';
import { MIXUP_ALPHA_DEFAULT } from './mixup';
import { LOSSES, lossById } from './registry';

type Range = readonly [min: number, max: number] | null;
const CATALOG: Record<string, Record<string, readonly [defaultValue: number, range: Range]>> = {
  ce: {},
  'ce-temp': { T: [1, [0.05, 20]] },
  'label-smoothing': { epsilon: [0.1, [0, 0.5]] },
  focal: { gamma: [2, [0, 5]] },
  'comp-sum': { tau: [1, [0, 2]] },
  gce: { q: [0.7, [0.05, 1]] },
  mae: {},
  brier: {},
  mse: {},
  sce: { alpha: [0.1, null], beta: [1, null], A: [-4, null] },
  hinge: { c: [1, [0, 5]] },
  'sq-hinge': { c: [1, null] },
  'ldr-kl': { lambda: [1, [0.01, 10]], c: [1, [0, 5]] },
  'z-spherical': { a: [1, [0.1, 10]], b: [1, [0, 5]] },
  // The catalog says α = 1; with two classes that stops at p_y = ½ and never learns (dice.ts), so the default is 0.3.
  dice: { alpha: [0.3, [0, 3]], gamma: [1, [0.01, 2]] },
  'soft-dice': { gamma: [1, null] },
  // The catalog names F1 first; F1 collapses to one class on Circle, so the default is balanced accuracy (3; anyloss.ts).
  anyloss: { metric: [3, [0, 4]], L: [73, [1, 100]], beta: [1, null] },
  dco: { N: [4, [1, 64]] },
  ldam: { s: [1, null] },
  'logit-adjusted': { tau: [1, [0, 3]] },
  ensloss: { concentration: [1, null] },
};

describe('the loss table matches the catalog', () => {
  it('lists exactly the catalog ids, in its order', () => {
    expect(LOSSES.map((loss) => loss.id)).toEqual(Object.keys(CATALOG));
  });

  it.each(Object.entries(CATALOG))('%s has the catalog parameters, defaults and ranges', (id, params) => {
    const loss = lossById(id);
    expect(loss.params.map((p) => p.id)).toEqual(Object.keys(params));
    for (const spec of loss.params) {
      const [defaultValue, range] = params[spec.id]!;
      expect(spec.default).toBe(defaultValue);
      if (range) expect([spec.min, spec.max]).toEqual(range);
      expect(spec.min).toBeLessThanOrEqual(spec.default);
      expect(spec.default).toBeLessThanOrEqual(spec.max);
      expect(spec.step).toBeGreaterThan(0);
      expect(spec.hint.length).toBeGreaterThan(0);
    }
  });

  it.each(LOSSES.map((loss) => [loss.id, loss] as const))('%s has a name, formula, note and source', (_id, loss) => {
    for (const text of [loss.name, loss.tex, loss.note, loss.source]) expect(text.trim().length).toBeGreaterThan(0);
  });

  it('marks soft-dice and anyloss as batch-level, every other loss per example', () => {
    for (const loss of LOSSES) expect(loss.level).toBe(['soft-dice', 'anyloss'].includes(loss.id) ? 'batch' : 'example');
  });

  it('says in the ensloss note that the generator is our reading of the paper', () => {
    expect(lossById('ensloss').note).toMatch(/our reading/);
  });

  it('has the catalog add-ons and mixup default', () => {
    expect(ADDONS.map((a) => a.id)).toEqual(['z-reg', 'confidence-penalty']);
    expect(addonById('+z-reg').params.map((p) => [p.id, p.default])).toEqual([['lambda', 1e-4]]);
    expect(addonById('+confidence-penalty').params.map((p) => [p.id, p.default])).toEqual([['beta', 0.1]]);
    expect(MIXUP_ALPHA_DEFAULT).toBe(0.2);
  });
});
