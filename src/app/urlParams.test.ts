import { describe, expect, it } from 'vitest';
import { urlOptionsParse } from './urlParams';

describe('urlOptionsParse', () => {
  it('reads a known backend', () => {
    expect(urlOptionsParse('?backend=wasm')).toEqual({ backend: 'wasm', notices: [] });
  });

  it('ignores an unknown backend and says so', () => {
    const options = urlOptionsParse('?backend=quantum');
    expect(options.backend).toBeNull();
    expect(options.notices[0]).toContain('quantum');
  });

  it('chooses automatically when no backend is given', () => {
    expect(urlOptionsParse('')).toEqual({ backend: null, notices: [] });
  });
});
