/** Beyond this magnitude a number is written in exponent form (a diverging run's loss reaches 1e32). */
const EXPONENT_FROM = 1e5;

/**
 * `value` with `digits` decimals, or in exponent form ("3.193e+32") from ±1e5 on: toFixed writes
 * every digit of a large number, which overflows a read-out or a table column.
 */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= EXPONENT_FROM ? value.toExponential(3) : value.toFixed(digits);
}
