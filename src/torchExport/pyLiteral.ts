// Python literals for the generated experiment.py. Only two kinds of value ever reach generated
// code: finite numbers and ids from the app's own registries, each checked here again (the config
// was clamped already; this is the last line, so a new code path cannot slip a string through).

/** Ids as the registries spell them: lowercase words joined by hyphens. */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Parameter names as the specs spell them (`beta1`, `weightDecay`, `T`, `A`). */
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export class TorchExportError extends Error {}

/** A finite number as Python reads it: `String(n)` is the shortest text that parses back to n. */
export function pyNumber(value: unknown, what: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TorchExportError(`${what} is not a finite number`);
  // Python reads 1e-8, -4, 0.03 and 1e+21 as JavaScript writes them; -0 becomes 0.
  return Object.is(value, -0) ? '0' : String(value);
}

/** A whole number within [min, max]. */
export function pyInteger(value: unknown, what: string, min: number, max: number): string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new TorchExportError(`${what} is not a whole number in ${min}–${max}`);
  return String(value);
}

/** A quoted id that must be one of `known`. */
export function pyId(value: unknown, known: readonly string[], what: string): string {
  if (typeof value !== 'string' || !ID.test(value) || !known.includes(value)) throw new TorchExportError(`${what} is not a known id`);
  return `"${value}"`;
}

export function pyBool(value: unknown, what: string): string {
  if (typeof value !== 'boolean') throw new TorchExportError(`${what} is not true or false`);
  return value ? 'True' : 'False';
}

/**
 * `{"name": number, ...}` over exactly the names in `spec` (in the spec's order), each value a
 * finite number taken from `given`: a name the spec lacks is never written.
 */
export function pyParams(given: Readonly<Record<string, unknown>>, spec: readonly { id: string }[], what: string): string {
  const entries = spec.map(({ id }) => {
    if (!PARAM_NAME.test(id)) throw new TorchExportError(`${what}: parameter name is not plain`);
    return `"${id}": ${pyNumber(given[id], `${what}.${id}`)}`;
  });
  return `{${entries.join(', ')}}`;
}
