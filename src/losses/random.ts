// Gamma, Beta and Dirichlet draws from a seeded Rng, for mixup's λ and EnsLoss's mixing weights.
import type { Rng } from '../engine/rng';

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
 * For shape < 1 it draws Gamma(shape + 1) and scales by U^{1/shape}.
 */
export function rngGamma(random: Rng, shape: number): number {
  if (!(shape > 0)) throw new Error(`invalid gamma shape: ${shape}`);
  if (shape < 1) return rngGamma(random, shape + 1) * (1 - random.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - random.next(); // in (0, 1], so the log is finite
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function rngBeta(random: Rng, a: number, b: number): number {
  const x = rngGamma(random, a);
  const y = rngGamma(random, b);
  // Both can underflow to 0 for tiny shapes; the two ends are then equally likely.
  return x + y > 0 ? x / (x + y) : 0.5;
}

/** Dirichlet(concentration · 1) over `parts` components: normalised Gamma draws. */
export function rngDirichlet(random: Rng, concentration: number, parts: number): number[] {
  const draws = Array.from({ length: parts }, () => rngGamma(random, concentration));
  const total = draws.reduce((s, v) => s + v, 0);
  return total > 0 ? draws.map((v) => v / total) : draws.map(() => 1 / parts);
}
