import { describe, expect, it } from 'vitest';
import { PREFERENCE_LOSSES } from '../losses/preference/registry';
import { REGRESSION_LOSSES } from '../losses/regression/regressionLosses';
import { LOSSES } from '../losses/registry';
import { formulaParts } from './formulaParts';

describe('formulaParts', () => {
  it('leaves a formula of one statement whole', () => {
    expect(formulaParts('\\ell = -(1 - p_y)^{\\gamma} \\log p_y')).toEqual(['\\ell = -(1 - p_y)^{\\gamma} \\log p_y']);
  });

  it('splits at a top-level \\quad, keeping the comma with the statement it ends', () => {
    expect(formulaParts('\\ell = -\\sum_k q_k \\log p_k, \\quad q = (1-\\varepsilon)\\, e_y + \\varepsilon / K')).toEqual(['\\ell = -\\sum_k q_k \\log p_k,', 'q = (1-\\varepsilon)\\, e_y + \\varepsilon / K']);
  });

  it('splits at a comma and a control space, not at a thin space or a bare control space', () => {
    expect(formulaParts('q = e_y,\\ \\log 0 := A')).toEqual(['q = e_y,', '\\log 0 := A']);
    expect(formulaParts('a\\, b \\ c')).toEqual(['a\\, b \\ c']);
  });

  it('keeps what is inside braces, \\left…\\right and environments, and escaped braces do not count as groups', () => {
    const cases = '\\ell_\\tau = \\begin{cases} \\log(1+u) & \\tau = 1 \\\\ u,\\ v & \\text{otherwise} \\end{cases}';
    expect(formulaParts(`u = \\sum_{k \\ne y} e^{z_k}, \\quad ${cases}`)).toEqual(['u = \\sum_{k \\ne y} e^{z_k},', cases]);
    expect(formulaParts('\\left( a \\quad b \\right) \\quad c')).toEqual(['\\left( a \\quad b \\right)', 'c']);
    expect(formulaParts('\\{ a \\quad b \\}')).toEqual(['\\{ a', 'b \\}']);
    expect(formulaParts('x^{a \\quad b}')).toEqual(['x^{a \\quad b}']);
  });

  it('splits an annotation set off by \\quad from its formula', () => {
    expect(formulaParts('\\ell = \\log\\pi(y) \\quad(\\text{ascent})')).toEqual(['\\ell = \\log\\pi(y)', '(\\text{ascent})']);
  });

  it('rebuilds every loss’s formula (classification, regression, preference) from its parts, with balanced braces in each', () => {
    for (const loss of [...LOSSES, ...REGRESSION_LOSSES, ...PREFERENCE_LOSSES]) {
      const parts = formulaParts(loss.tex);
      for (const part of parts) expect(part.split('{').length, `${loss.id}: ${part}`).toBe(part.split('}').length);
      expect(parts.join(' ').replace(/\\q?quad|\\ |\s/g, ''), loss.id).toBe(loss.tex.replace(/\\q?quad|\\ |\s/g, ''));
    }
  });

  it('splits the long formulas into the statements a reader sees', () => {
    const hl = REGRESSION_LOSSES.find((l) => l.id === 'hl-gauss')!;
    expect(formulaParts(hl.tex).map((p) => p.slice(0, 8))).toEqual(['\\ell = -', 'p_i(y) =', '\\hat y =']);
    expect(formulaParts(LOSSES.find((l) => l.id === 'anyloss')!.tex)).toHaveLength(6);
  });
});
