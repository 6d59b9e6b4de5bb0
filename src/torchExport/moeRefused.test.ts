import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { TORCH_MOE_REFUSAL, torchProjectFiles } from './projectFiles';
import { torchExportFromLink } from './fromLink';

describe('the PyTorch export and a mixture of experts', () => {
  it('refuses with a clear message rather than write an MLP in its place', () => {
    const config = configClamp({ model: { kind: 'moe' } }).config;
    expect(() => torchProjectFiles(config)).toThrow(TORCH_MOE_REFUSAL);
    expect(() => torchExportFromLink('?model=moe&experts=4')).toThrow(/does not support the mixture-of-experts model/);
  });
});
