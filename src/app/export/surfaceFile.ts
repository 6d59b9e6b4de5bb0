// A loss surface computed elsewhere, read back for viewing: the `surface.json` that an exported
// PyTorch project's landscape.py writes (format "losscape-surface", version 1):
//
//   { format, version, resolution, alpha: [lo, hi], beta: [lo, hi],
//     losses: resolution rows (β) × resolution columns (α),
//     run?, loss?, sizes?, experts?, directions?, step?, training_losses?, keep_bias?, processes?,
//     path?: { steps, alpha, beta } }
//
// Python's json module writes a non-finite float as the bare token NaN or Infinity, which
// JSON.parse refuses; they are read as what they are, then judged: an infinite loss (an
// overflowing far corner) is kept and drawn at the top, NaN is refused with where it is.
import { z } from 'zod';
import type { SurfaceSpec } from '../../workers/surveyorProtocol';

export const SURFACE_FORMAT = 'losscape-surface';
export const SURFACE_FORMAT_VERSION = 1;
/** A 1001×1001 grid is ~20 MB of JSON. */
export const SURFACE_MAX_RESOLUTION = 1001;

export interface SurfaceImport {
  fileName: string;
  spec: SurfaceSpec;
  /** Row-major losses, β along rows, α along columns (as the app's own surfaces). */
  values: Float32Array;
  /** Smallest and largest finite loss. */
  min: number;
  max: number;
  /** Points whose loss is +∞ (drawn at the top). */
  infinite: number;
  loss: string | null;
  directions: string | null;
  keepBias: boolean | null;
  step: number | null;
  run: number | null;
  sizes: number[] | null;
  /** A mixture of experts' expert count (`sizes` are then each expert's layers). */
  experts: number | null;
  processes: number | null;
  trainingSteps: number | null;
  /** The checkpoints on the plane, oldest first (the surface is centred on the last). */
  path: { steps: number[]; alpha: Float32Array; beta: Float32Array } | null;
}

export type SurfaceParseResult = { ok: true; surface: SurfaceImport } | { ok: false; error: string };

const NON_FINITE = ['NaN', 'Infinity', '-Infinity'] as const;
type NonFinite = (typeof NON_FINITE)[number];

/** A loss as written: a number, or a non-finite token (see nonFiniteTokens). */
const lossValue = z.union([z.number(), z.enum(NON_FINITE)]);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const range = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'must be [low, high] with low < high');

const surfaceSchema = z.object({
  format: z.literal(SURFACE_FORMAT),
  version: z.literal(SURFACE_FORMAT_VERSION),
  resolution: z.number().int().min(2).max(SURFACE_MAX_RESOLUTION),
  alpha: range,
  beta: range,
  losses: z.array(z.array(lossValue)),
  run: z.number().int().min(0).optional(),
  loss: z.string().max(80).optional(),
  sizes: z.array(z.number().int().min(1)).max(64).optional(),
  experts: z.number().int().min(1).max(64).optional(),
  directions: z.string().max(40).optional(),
  step: z.number().int().min(0).optional(),
  training_losses: z.array(z.union([lossValue, z.null()])).optional(),
  keep_bias: z.boolean().optional(),
  processes: z.number().int().min(1).optional(),
  path: z
    .object({ steps: z.array(z.number().int()), alpha: z.array(finite), beta: z.array(finite) })
    .refine((p) => p.alpha.length === p.steps.length && p.beta.length === p.steps.length, 'steps, alpha and beta must be equally long')
    .optional(),
});

/** Python's bare NaN / Infinity / -Infinity (outside strings) as strings JSON.parse accepts. */
export function nonFiniteTokens(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\bInfinity\b|\bNaN\b/g, (match) => (match.startsWith('"') ? match : `"${match}"`));
}

function lossNumber(value: number | NonFinite): number {
  if (typeof value === 'number') return value;
  return value === 'NaN' ? Number.NaN : value === 'Infinity' ? Infinity : -Infinity;
}

function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const at = where(issue.path);
  return at ? `“${at}” ${issue.message.replace(/^Invalid input: /, '')}` : issue.message;
}

/** What a file that is not a readable surface is, in words. */
function formatProblem(document: unknown): string | null {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return 'it is not a JSON object.';
  const { format, version } = document as { format?: unknown; version?: unknown };
  if (format === 'losscape-run') return 'it is a run file (format “losscape-run”): open it with Import run (JSON).';
  if (format !== SURFACE_FORMAT) return `its format is ${format === undefined ? 'not given' : `“${String(format).slice(0, 40)}”`}, not “${SURFACE_FORMAT}” (the surface.json that the PyTorch project's landscape.py writes).`;
  if (version !== SURFACE_FORMAT_VERSION) {
    return typeof version === 'number' && version > SURFACE_FORMAT_VERSION
      ? `it is version ${version} of the surface format, newer than this app reads (${SURFACE_FORMAT_VERSION}).`
      : `its version is ${JSON.stringify(version) ?? 'missing'}, not ${SURFACE_FORMAT_VERSION}.`;
  }
  return null;
}

/** Reads a surface file's text; on failure says why in one sentence, naming the file's field. */
export function surfaceFileParse(fileName: string, text: string): SurfaceParseResult {
  let document: unknown;
  try {
    document = JSON.parse(nonFiniteTokens(text));
  } catch (error) {
    return { ok: false, error: `“${fileName}” is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const problem = formatProblem(document);
  if (problem) return { ok: false, error: `“${fileName}” is not a Losscape surface: ${problem}` };
  const parsed = surfaceSchema.safeParse(document);
  if (!parsed.success) return { ok: false, error: `“${fileName}”: ${firstIssue(parsed.error)}.` };
  const file = parsed.data;
  const R = file.resolution;
  if (file.losses.length !== R) return { ok: false, error: `“${fileName}”: “losses” has ${file.losses.length} rows, but the resolution is ${R}.` };
  const short = file.losses.findIndex((row) => row.length !== R);
  if (short >= 0) return { ok: false, error: `“${fileName}”: row ${short} of “losses” has ${file.losses[short]!.length} values, but the resolution is ${R}.` };

  const values = new Float32Array(R * R);
  let min = Infinity;
  let max = -Infinity;
  let infinite = 0;
  const bad: string[] = [];
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < R; j++) {
      const v = lossNumber(file.losses[i]![j]!);
      values[i * R + j] = v;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      } else if (v === Infinity) infinite++;
      else bad.push(`losses[${i}][${j}] is ${v}`);
    }
  }
  if (bad.length > 0) {
    return { ok: false, error: `“${fileName}”: ${bad.length.toLocaleString('en')} of the ${(R * R).toLocaleString('en')} losses are not numbers (${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', …' : ''}); the surface cannot be drawn with holes.` };
  }
  if (!(min <= max)) return { ok: false, error: `“${fileName}”: every loss is infinite.` };

  const path = file.path && file.path.steps.length > 0 ? { steps: file.path.steps, alpha: Float32Array.from(file.path.alpha), beta: Float32Array.from(file.path.beta) } : null;
  return {
    ok: true,
    surface: {
      fileName,
      spec: { resolution: R, alpha: file.alpha, beta: file.beta },
      values,
      min,
      max,
      infinite,
      loss: file.loss ?? null,
      directions: file.directions ?? null,
      keepBias: file.keep_bias ?? null,
      step: file.step ?? null,
      run: file.run ?? null,
      sizes: file.sizes ?? null,
      experts: file.experts ?? null,
      processes: file.processes ?? null,
      trainingSteps: file.training_losses?.length ?? null,
      path,
    },
  };
}
