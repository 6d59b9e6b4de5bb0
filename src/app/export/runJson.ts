import { configClamp, configRuns, type ExperimentConfig } from '../../engine/config';
import { runLabels } from '../runLabels';
import { METRIC_COLUMNS, METRIC_GROUPS, runMetricsEmpty, type MetricGroup, type RunMetrics, type RunRecord } from './runMetrics';

/**
 * A run as a file that can be opened again: the whole config (which fixes the data, the split
 * and the initial weights, so importing it reruns the same experiment) and the metric history
 * of every run of it, versioned:
 *
 *   { format: 'losscape-run', version: 1, config, url, exportedAt,
 *     runs: [{ loss, step, diverged, metrics: { trainLoss: { step: [...], value: [...] }, ... } }] }
 *
 * `url` is the link to the same config, for people reading the file; import reads `config`.
 * Numbers that are not finite (a diverged loss, a missing threshold) are written as null and
 * read back as NaN. A later format that is not readable by this one gets a new version number.
 */
export const RUN_FORMAT = 'losscape-run';
export const RUN_FORMAT_VERSION = 1;

export interface RunDocument {
  format: typeof RUN_FORMAT;
  version: typeof RUN_FORMAT_VERSION;
  config: ExperimentConfig;
  url: string;
  exportedAt: string;
  /** `label`: the run's name as the charts show it ("B · lr 100"); written for readers, not read back. */
  runs: { loss: string; label: string; step: number; diverged: RunRecord['diverged']; metrics: RunMetrics }[];
}

export type RunJsonParseResult =
  | { ok: true; config: ExperimentConfig; notices: string[]; exportedAt: Date | null; runs: RunRecord[] }
  | { ok: false; error: string };

export function runJson(config: ExperimentConfig, runs: readonly RunRecord[], meta: { url: string; exportedAt: Date }): string {
  const variants = configRuns(config);
  const labels = runLabels(config);
  const document: RunDocument = {
    format: RUN_FORMAT,
    version: RUN_FORMAT_VERSION,
    config,
    url: meta.url,
    exportedAt: meta.exportedAt.toISOString(),
    runs: runs.map((run, i) => ({ loss: variants[i]?.loss.id ?? '', label: labels[i]?.text ?? '', step: run.step, diverged: run.diverged, metrics: run.metrics })),
  };
  return JSON.stringify(document, null, 1) + '\n';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown inside the parser only, turned into `{ ok: false }` before it returns. */
class RunFileError extends Error {}

function numberColumn(value: unknown, where: string): number[] {
  if (!Array.isArray(value)) throw new RunFileError(`${where} is not a list of numbers.`);
  return value.map((v) => {
    if (v === null) return NaN;
    if (typeof v !== 'number') throw new RunFileError(`${where} holds ${JSON.stringify(v)?.slice(0, 40) ?? typeof v}, not a number.`);
    return v;
  });
}

function metricsParse(input: unknown, where: string): RunMetrics {
  const metrics = runMetricsEmpty();
  if (input === undefined) return metrics;
  if (!isRecord(input)) throw new RunFileError(`${where}: "metrics" is not an object.`);
  for (const group of METRIC_GROUPS) {
    const source = input[group];
    if (source === undefined) continue;
    if (!isRecord(source)) throw new RunFileError(`${where}: "metrics.${group}" is not an object.`);
    const table: Record<string, number[]> = {};
    for (const column of METRIC_COLUMNS[group]) {
      table[column] = source[column] === undefined ? [] : numberColumn(source[column], `${where}: "metrics.${group}.${column}"`);
    }
    const length = table.step!.length;
    if (Object.values(table).some((c) => c.length !== length)) throw new RunFileError(`${where}: the columns of "metrics.${group}" differ in length.`);
    if (table.step!.some((s) => !Number.isFinite(s))) throw new RunFileError(`${where}: "metrics.${group}.step" holds a step that is not a number.`);
    (metrics as Record<MetricGroup, Record<string, number[]>>)[group] = table;
  }
  return metrics;
}

/** Longest divergence reason kept from a file: it is shown in the page. */
const MAX_REASON = 200;

function divergedParse(input: unknown): RunRecord['diverged'] {
  // 1e999 in a file reads as Infinity: no step to show.
  if (!isRecord(input) || typeof input.step !== 'number' || !Number.isFinite(input.step) || typeof input.reason !== 'string') return null;
  return { step: input.step, reason: input.reason.length > MAX_REASON ? `${input.reason.slice(0, MAX_REASON)}…` : input.reason };
}

function runParse(input: unknown, index: number): RunRecord {
  const where = `Run ${String.fromCharCode(65 + index)}`;
  if (!isRecord(input)) throw new RunFileError(`${where} is not an object.`);
  const metrics = metricsParse(input.metrics, where);
  const lastStep = metrics.trainLoss.step.at(-1) ?? 0;
  const step = typeof input.step === 'number' && Number.isFinite(input.step) ? input.step : lastStep;
  return { step, diverged: divergedParse(input.diverged), metrics };
}

/** Why `value` is not a format this version reads, or null when it is. */
function formatProblem(value: Record<string, unknown>): string | null {
  if (value.format !== RUN_FORMAT) {
    const named = typeof value.format === 'string' ? `its format is "${value.format.slice(0, 40)}"` : 'it has no "format"';
    return `This is not a Losscape run file: ${named}, not "${RUN_FORMAT}".`;
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return 'This run file has no valid version number.';
  if (version > RUN_FORMAT_VERSION) {
    return `This run file is format version ${version}, newer than this Losscape reads (version ${RUN_FORMAT_VERSION}). Open it with a newer Losscape.`;
  }
  return null;
}

/**
 * Reads a run file back: the config, clamped like any other input (what had to change is in
 * `notices`), and the runs' histories. Anything that is not such a file gives `{ ok: false }`
 * with the reason in words; it never throws.
 */
export function runJsonParse(text: string): RunJsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!isRecord(value)) return { ok: false, error: 'This is not a Losscape run file: it holds no JSON object.' };
  const problem = formatProblem(value);
  if (problem) return { ok: false, error: problem };
  if (!isRecord(value.config)) return { ok: false, error: 'This run file has no config.' };
  if (!Array.isArray(value.runs)) return { ok: false, error: 'This run file has no list of runs.' };
  try {
    const { config, changes } = configClamp(value.config);
    const notices = [...changes];
    const expected = configRuns(config).length;
    const runs = value.runs.slice(0, expected).map(runParse);
    if (value.runs.length > expected) notices.push(`the file holds ${value.runs.length} runs, its config ${expected}; the extra runs were left out`);
    const exportedAt = typeof value.exportedAt === 'string' ? new Date(value.exportedAt) : null;
    return { ok: true, config, notices, exportedAt: exportedAt && !Number.isNaN(exportedAt.getTime()) ? exportedAt : null, runs };
  } catch (error) {
    if (error instanceof RunFileError) return { ok: false, error: `This run file is damaged. ${error.message}` };
    return { ok: false, error: `This run file could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}
