// Small pure helpers for the URL codec: reading and writing leaves of plain objects by path,
// safely (no key reaches an object prototype), and formatting leaves for the URL and notices.

export type Path = readonly string[];
/** A value written as one URL value: a primitive, or a list of primitives (comma-separated). */
export type Leaf = number | string | boolean | readonly (number | string | boolean)[];

/** Path segments that are safe as object keys: no prototype tricks, nothing empty. */
export function segmentSafe(segment: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(segment) && segment !== '__proto__' && segment !== 'constructor' && segment !== 'prototype';
}

/** The value at `path`, following own properties only; undefined if there is none. */
export function pathGet(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Sets a leaf, making records (or lists, for index segments) on the way; false if the path cannot hold it. */
export function pathSet(root: Record<string, unknown>, path: Path, value: unknown): boolean {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    // Into a list: only an index up to its length (no holes), never `length` or another property.
    if (Array.isArray(node) && !(/^\d{1,3}$/.test(segment) && Number(segment) <= node.length)) return false;
    const record = node as Record<string, unknown>;
    if (i === path.length - 1) record[segment] = value;
    else {
      const next = record[segment];
      node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (record[segment] = /^\d+$/.test(path[i + 1]!) ? [] : emptyRecord());
    }
  }
  return true;
}

export function emptyRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function isPrimitive(value: unknown): value is number | string | boolean {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

export function isLeaf(value: unknown): value is Leaf {
  return isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));
}

export function leafEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => leafEqual(v, b[i]));
  return Object.is(a, b);
}

/** Plain data equal, key order aside (records of parameters, add-ons). */
export function dataEqual(a: unknown, b: unknown): boolean {
  if (isLeaf(a) || isLeaf(b)) return leafEqual(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && dataEqual(pathGet(a, [k]), pathGet(b, [k])));
}

export function leafFormat(value: Leaf): string {
  if (Array.isArray(value)) return value.map((v) => leafFormat(v)).join(',');
  // String(n) is the shortest decimal that reads back as the same float64; only -0 needs help.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return String(value);
}

export function formatAny(value: unknown): string {
  return isLeaf(value) ? leafFormat(value) : typeof value;
}

/** A key or value as it appears in a notice: shortened. Notices are React text, never HTML. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
