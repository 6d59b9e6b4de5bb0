import { describe, expect, it } from 'vitest';
import { LOSSES } from './registry';

// A loss's note and source are shown as plain text beside its formula (LossControls): TeX there
// reads as markup, and "named in" is no citation.
describe('the losses\' notes and sources read as text', () => {
  it('no note holds TeX markup (braces after ^ or _, backslash commands)', () => {
    for (const loss of LOSSES) expect(loss.note, loss.id).not.toMatch(/[\^_]\{|\\[a-z]+/);
  });

  it('LDAM\'s margin is written as a fourth root, not n^{−1/4}', () => {
    expect(LOSSES.find((l) => l.id === 'ldam')!.note).toContain('∝ 1/∜n');
  });

  it('focal loss and LDAM cite their papers by title', () => {
    expect(LOSSES.find((l) => l.id === 'focal')!.source).toMatch(/^Lin et al\. 2017, Focal Loss for Dense Object Detection/);
    expect(LOSSES.find((l) => l.id === 'ldam')!.source).toMatch(/^Cao et al\. 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss/);
    for (const loss of LOSSES) expect(loss.source, loss.id).not.toMatch(/named in/);
  });
});
