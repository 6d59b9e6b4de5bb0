import { describe, expect, it } from 'vitest';
import { Environment } from '@tensorflow/tfjs-core';
import { DEFAULT_CONFIG } from '../engine/config';
import { classroomParse } from './classroomUrl';
import { configFromSearch, MAX_NOTICES } from './urlCodec';
import { urlOptionsParse } from './urlParams';
import { searchRepair } from './urlRepair';

describe('searchRepair', () => {
  it('rewrites what decodeURIComponent rejects to what URLSearchParams reads, and says so', () => {
    expect(searchRepair('?%%%')).toEqual({ search: '?%25%25%25', notices: ['"%%%" has a malformed %-escape; read as the text "%%%"'] });
    const cut = searchRepair('?v=1&loss=%E0%A4%A&lr=0.1');
    expect(cut.search).toBe('?v=1&loss=%EF%BF%BD%25A&lr=0.1');
    expect(cut.notices).toEqual(['"loss=%E0%A4%A" has a malformed %-escape; read as the text "loss=\uFFFD%A"']);
    // The rewritten piece means what URLSearchParams made of the original.
    expect(new URLSearchParams(cut.search).get('loss')).toBe(new URLSearchParams('?loss=%E0%A4%A').get('loss'));
    expect(searchRepair('a%C3=1%zz').search).toBe('a%EF%BF%BD=1%25zz');
  });

  it('leaves a well-formed link exactly as it is', () => {
    for (const search of ['', '?', '?v=1&data=spiral&loss=focal&loss.gamma=3', '?x=%25&y=a+b&z=%E2%9C%93', 'lesson=calibration&hide=data,model']) {
      expect(searchRepair(search)).toEqual({ search, notices: [] });
    }
  });

  it('leaves nothing that makes tfjs-core throw as it reads the page link', () => {
    for (const search of ['?%%%', '?loss=%E0%A4%A', '?%ED%A0%80=1', '?a=%F4%90%80%80', '?x=100%']) {
      expect(() => new Environment({ location: { search } }), search).toThrow(URIError);
      expect(() => new Environment({ location: { search: searchRepair(search).search } }), search).not.toThrow();
    }
  });
});

describe('reading hostile links', () => {
  const read = (search: string) => {
    const repaired = searchRepair(search);
    const config = configFromSearch(repaired.search);
    return { config: config.config, notices: [...repaired.notices, ...config.notices, ...classroomParse(repaired.search).notices, ...urlOptionsParse(repaired.search).notices] };
  };

  it('reads a link without v as the current version, without a notice', () => {
    expect(configFromSearch('?loss=focal&lr=0.1')).toMatchObject({ notices: [], config: { loss: { id: 'focal' }, optimizer: { learningRate: 0.1 } } });
    expect(configFromSearch('data=spiral').notices).toEqual([]);
  });

  it('names malformed escapes, duplicates, unknown keys, huge and non-finite numbers and prototype keys', () => {
    expect(read('?%%%').notices).toEqual(['"%%%" has a malformed %-escape; read as the text "%%%"', '%%% is not a setting; ignored']);
    expect(read('?loss=%E0%A4%A').notices[1]).toMatch(/^loss=\uFFFD%A is not one of ce, .* → ce$/);
    expect(read('?lr=0.1&lr=0.2&backend=cpu&backend=wasm&lesson=calibration&lesson=overlap').notices).toEqual([
      'lr is given 2 times; the last is used',
      'lesson is given 2 times; the last is used',
      'backend is given 2 times; the last is used',
    ]);
    expect(classroomParse('?lesson=calibration&lesson=overlap').state.lessonId).toBe('overlap');
    expect(urlOptionsParse('?backend=cpu&backend=wasm').backend).toBe('wasm');
    expect(read('?colour=blue').notices).toEqual(['colour is not a setting; ignored']);
    expect(read(`?points=${'9'.repeat(400)}`).notices).toEqual([`points=${'9'.repeat(40)}… is too large → 400`]);
    expect(read('?points=1e308').notices).toEqual(['points=1e+308 → 2000']);
    for (const value of ['NaN', 'Infinity', '-Infinity', '1e309']) expect(read(`?lr=${value}`).notices, value).toHaveLength(1);
    for (const key of ['__proto__', 'constructor', 'prototype', '__proto__.x', 'constructor.prototype.x', 'data.__proto__', 'loss.constructor']) {
      const { config, notices } = read(`?${key}=1`);
      expect(notices, key).toEqual([`${key} is not a setting; ignored`]);
      expect(config, key).toEqual(DEFAULT_CONFIG);
    }
    // A run key makes the run (as `run2.loss` would); its unusable part is still named.
    expect(read('?run2.__proto__=1').notices).toEqual(['run2.__proto__ is not a setting; ignored']);
    for (const key of ['lesson', 'backend', 'hide']) expect(read(`?${key}=__proto__`).notices, key).toHaveLength(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('lists at most MAX_NOTICES notices, the rest counted', () => {
    const { notices } = configFromSearch(Array.from({ length: 1000 }, (_, i) => `k${i}=1`).join('&'));
    expect(notices).toHaveLength(MAX_NOTICES);
    expect(notices.at(-1)).toBe(`and ${1000 - MAX_NOTICES + 1} more`);
  });
});
