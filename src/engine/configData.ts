// Clamping of the data section's structured fields (the boundary view, added points, the CSV
// file's identity), kept apart from config.ts like the other sections' clamps in configParts.ts.
import type { ClampTools } from './configParts';
import type { ExperimentConfig } from './config';
import { datasetIsGenerated } from './datasets';
import type { DataKind } from './task';
import { VIEW_MODES } from './projection';
import { REAL_DATA_INFO } from './realDataInfo';

type DataSection = ExperimentConfig['data'];

/** Limits of the data section's structured fields (spread into config.ts's LIMITS). */
export const DATA_LIMITS = {
  /** Feature indices of the boundary view (a file has at most 64 numeric columns). */
  viewFeature: { min: 0, max: 63 },
  addedPoints: { min: 0, max: 200 },
  /** Added points lie within ±this on both axes (generated data spans about ±1). */
  addedCoordinate: { min: -3, max: 3 },
} as const;

/** Added points are kept to 3 decimals: finer than a pixel, and short in the URL. */
const ADDED_DECIMALS = 1000;

export function dataViewClamp(given: Record<string, unknown>, d: DataSection['view'], kind: DataKind, tools: ClampTools): DataSection['view'] {
  // Iris and the penguins have 4 features; a file's count is known only once it is loaded.
  const features = kind === 'iris' || kind === 'penguins' ? REAL_DATA_INFO[kind].featureNames.length : DATA_LIMITS.viewFeature.max + 1;
  const limit = { min: 0, max: features - 1 };
  return {
    mode: tools.choice('data.view.mode', given.mode, VIEW_MODES, d.mode),
    x: tools.number('data.view.x', given.x, limit, Math.min(d.x, limit.max), true),
    y: tools.number('data.view.y', given.y, limit, Math.min(d.y, limit.max), true),
  };
}

/**
 * Added points as whole triples: coordinates clamped to the plane and rounded, the class an
 * integer below the class count; triples that cannot be read are dropped, and so are all of them
 * on data that is not a generated 2-D dataset.
 */
export function dataAddedClamp(given: unknown, kind: DataKind, classes: number, tools: ClampTools): number[] {
  if (given === undefined) return [];
  const list = Array.isArray(given) ? given : [];
  if (!Array.isArray(given)) tools.changes.push('data.added is not a list of numbers → no added points');
  if (list.length === 0) return [];
  if (!datasetIsGenerated(kind)) {
    tools.changes.push(`data.added: points can only be added to generated 2-D data → the ${list.length >= 3 ? Math.floor(list.length / 3) : 0} added points are dropped`);
    return [];
  }
  const { min, max } = DATA_LIMITS.addedCoordinate;
  const added: number[] = [];
  let dropped = 0;
  let moved = 0;
  for (let i = 0; i + 2 < list.length; i += 3) {
    const [x, y, label] = [list[i], list[i + 1], list[i + 2]].map(Number) as [number, number, number];
    if (![x, y, label].every(Number.isFinite) || !Number.isInteger(label) || label < 0 || label >= classes) {
      dropped += 1;
      continue;
    }
    if (added.length / 3 >= DATA_LIMITS.addedPoints.max) {
      dropped += 1;
      continue;
    }
    const fit = (v: number) => Math.round(Math.min(max, Math.max(min, v)) * ADDED_DECIMALS) / ADDED_DECIMALS;
    if (Math.min(max, Math.max(min, x)) !== x || Math.min(max, Math.max(min, y)) !== y) moved += 1;
    added.push(fit(x), fit(y), label);
  }
  if (list.length % 3 !== 0) tools.changes.push(`data.added has ${list.length} numbers, not whole (x, y, class) triples → the last ${list.length % 3} ignored`);
  if (dropped > 0) {
    tools.changes.push(`data.added: ${dropped} point${dropped === 1 ? '' : 's'} dropped (unreadable, a class outside 0–${classes - 1}, or past ${DATA_LIMITS.addedPoints.max} points)`);
  }
  if (moved > 0) tools.changes.push(`data.added: ${moved} point${moved === 1 ? '' : 's'} moved onto the plane (±${max})`);
  return added;
}

export function dataCsvClamp(given: Record<string, unknown>, d: DataSection['csv'], tools: ClampTools): DataSection['csv'] {
  const text = (path: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' && typeof value !== 'number') {
      tools.changes.push(`${path} is not text → "${fallback}"`);
      return fallback;
    }
    const result = String(value).slice(0, 120);
    if (result !== String(value)) tools.changes.push(`${path} is longer than 120 characters → shortened`);
    return result;
  };
  return { name: text('data.csv.name', given.name, d.name), label: text('data.csv.label', given.label, d.label), hash: text('data.csv.hash', given.hash, d.hash) };
}
