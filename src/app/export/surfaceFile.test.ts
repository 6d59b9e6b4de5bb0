import { describe, expect, it } from 'vitest';
import { nonFiniteTokens, surfaceFileParse, SURFACE_MAX_RESOLUTION } from './surfaceFile';

/** A surface.json as landscape.py writes it (json.dump's separators), losses[i][j] = 10 i + j. */
function pythonSurface(R: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'losscape-surface',
    version: 1,
    run: 1,
    loss: 'focal',
    sizes: [2, 8, 8, 3],
    directions: 'random',
    step: 200,
    alpha: [-1, 1],
    beta: [-0.5, 0.5],
    resolution: R,
    losses: Array.from({ length: R }, (_, i) => Array.from({ length: R }, (_, j) => 10 * i + j + 0.25)),
    training_losses: [1.1, 0.9, 0.7],
    keep_bias: false,
    processes: 2,
    path: { steps: [0, 100, 200], alpha: [0.3, 0.1, 0], beta: [-0.2, -0.05, 0] },
    ...extra,
  };
}

function parse(document: unknown, name = 'surface.json') {
  return surfaceFileParse(name, typeof document === 'string' ? document : JSON.stringify(document, null, 1));
}

function failure(document: unknown): string {
  const result = parse(document);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('surfaceFileParse', () => {
  it('reads every field of a landscape.py surface, rows along β', () => {
    const result = parse(pythonSurface(3));
    if (!result.ok) throw new Error(result.error);
    const s = result.surface;
    expect(s.spec).toEqual({ resolution: 3, alpha: [-1, 1], beta: [-0.5, 0.5] });
    expect(Array.from(s.values)).toEqual([0.25, 1.25, 2.25, 10.25, 11.25, 12.25, 20.25, 21.25, 22.25]);
    expect([s.min, s.max, s.infinite]).toEqual([0.25, 22.25, 0]);
    expect(s).toMatchObject({ fileName: 'surface.json', loss: 'focal', directions: 'random', keepBias: false, step: 200, run: 1, sizes: [2, 8, 8, 3], processes: 2, trainingSteps: 3 });
    expect(s.path!.steps).toEqual([0, 100, 200]);
    expect(Array.from(s.path!.alpha)).toEqual([Math.fround(0.3), Math.fround(0.1), 0]);
  });

  it('needs only the grid: the descriptive fields are optional', () => {
    const { format, version, resolution, alpha, beta, losses } = pythonSurface(2);
    const result = parse({ format, version, resolution, alpha, beta, losses, written_by: 'a later exporter' });
    if (!result.ok) throw new Error(result.error);
    expect(result.surface).toMatchObject({ loss: null, directions: null, step: null, run: null, sizes: null, experts: null, processes: null, path: null });
  });

  it('reads a mixture of experts’ expert count (its sizes are each expert’s) and the centre’s weights as extra', () => {
    const result = parse(pythonSurface(2, { sizes: [2, 4, 2], experts: 3, center: [0.1, -0.2] }));
    if (!result.ok) throw new Error(result.error);
    expect(result.surface).toMatchObject({ sizes: [2, 4, 2], experts: 3 });
    expect(failure(pythonSurface(2, { experts: 0 }))).toContain('experts');
  });

  it('reads Python’s bare Infinity as an infinite loss drawn at the top, and counts it', () => {
    const text = JSON.stringify(pythonSurface(2)).replace('"losses":[[0.25', '"losses":[[Infinity');
    const result = parse(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.surface.values[0]).toBe(Infinity);
    expect(result.surface.infinite).toBe(1);
    expect(result.surface.min).toBe(1.25);
  });

  it('refuses NaN, saying where and how many', () => {
    const text = JSON.stringify(pythonSurface(3)).replace('[10.25,11.25,12.25]', '[10.25,NaN,NaN]');
    expect(failure(text)).toBe('“surface.json”: 2 of the 9 losses are not numbers (losses[1][1] is NaN, losses[1][2] is NaN); the surface cannot be drawn with holes.');
  });

  it('refuses a grid whose size is not its resolution', () => {
    const fewerRows = pythonSurface(3);
    (fewerRows.losses as number[][]).pop();
    expect(failure(fewerRows)).toBe('“surface.json”: “losses” has 2 rows, but the resolution is 3.');
    const shortRow = pythonSurface(3);
    (shortRow.losses as number[][])[2]!.pop();
    expect(failure(shortRow)).toBe('“surface.json”: row 2 of “losses” has 2 values, but the resolution is 3.');
    expect(failure(pythonSurface(3, { resolution: 1 }))).toMatch(/“resolution” Too small: expected number to be >=2/);
    expect(failure(pythonSurface(3, { resolution: SURFACE_MAX_RESOLUTION + 1 }))).toMatch(/“resolution” Too big/);
  });

  it('refuses a wrong format or version with what the file is', () => {
    expect(failure({ ...pythonSurface(2), format: 'losscape-run' })).toMatch(/it is a run file.*Import run \(JSON\)/);
    expect(failure({ ...pythonSurface(2), format: 'plotly' })).toBe('“surface.json” is not a Losscape surface: its format is “plotly”, not “losscape-surface” (the surface.json that the PyTorch project\'s landscape.py writes).');
    expect(failure({ ...pythonSurface(2), version: 2 })).toBe('“surface.json” is not a Losscape surface: it is version 2 of the surface format, newer than this app reads (1).');
    expect(failure([1, 2])).toMatch(/not a JSON object/);
    expect(failure('{"format": "losscape-surface", ')).toMatch(/^“surface.json” is not JSON \(/);
  });

  it('names the field that is wrong', () => {
    expect(failure(pythonSurface(2, { alpha: [1, -1] }))).toBe('“surface.json”: “alpha” must be [low, high] with low < high.');
    expect(failure(pythonSurface(2, { beta: [0, 'x'] }))).toMatch(/^“surface.json”: “beta\[1\]” expected number/);
    expect(failure(pythonSurface(2, { losses: [[1, 2], [3, '4']] }))).toMatch(/“losses\[1\]\[1\]”/);
    expect(failure(pythonSurface(2, { path: { steps: [0, 1], alpha: [0], beta: [0, 0] } }))).toBe('“surface.json”: “path” steps, alpha and beta must be equally long.');
  });
});

describe('nonFiniteTokens', () => {
  it('quotes bare NaN and ±Infinity and leaves strings alone', () => {
    expect(nonFiniteTokens('[NaN, -Infinity, Infinity, "NaN and Infinity", "a \\"NaN\\""]')).toBe('["NaN", "-Infinity", "Infinity", "NaN and Infinity", "a \\"NaN\\""]');
  });
});
