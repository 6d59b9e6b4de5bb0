// The normal CDF in float64 for the HL-Gauss target histogram. Hand-written because tfjs's erf is
// float32 with a polynomial approximation (about 1e-7 absolute error), which would put noise of that
// size into every tail bin, and one function is not worth a dependency.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/** erf(6) = 1 − 2.2e−17: beyond it erf is ±1 in float64. */
const SATURATES = 6;

/**
 * erf x = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·5···(2n+1)) (Abramowitz & Stegun 7.1.6). Every
 * term is positive, so the sum keeps full float64 precision where the alternating Taylor series
 * would cancel; for |x| ≤ 6 it needs at most about 150 terms.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a >= SATURATES) return Math.sign(x);
  const a2 = a * a;
  let term = a;
  let sum = a;
  for (let n = 0; term > 1e-17 * sum; n++) {
    term *= (2 * a2) / (2 * n + 3);
    sum += term;
  }
  return Math.sign(x) * TWO_OVER_SQRT_PI * Math.exp(-a2) * sum;
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}
