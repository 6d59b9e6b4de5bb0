// Domains for a mixture of experts on the plane: the plane around the origin cut into D equal
// angular sectors, sector 0 starting at the positive x₁ axis and turning counter-clockwise (D = 4
// gives the four quadrants). Every generated data set is centred near the origin and real data is
// standardised, so each sector holds its own region of the data: "points from distinct regions",
// the way a language model's sequences come from distinct sources.

/** The domain of the point (x₁, x₂) among `domains` sectors. */
export function moeDomainOf(x1: number, x2: number, domains: number): number {
  const angle = Math.atan2(x2, x1);
  const turn = (angle < 0 ? angle + 2 * Math.PI : angle) / (2 * Math.PI);
  return Math.min(domains - 1, Math.floor(turn * domains));
}

/** The domain of every row of a row-major `n × features` array, from its first two features. */
export function moeDomains(x: ArrayLike<number>, features: number, domains: number): Int32Array {
  const n = Math.floor(x.length / features);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = moeDomainOf(x[i * features]!, features > 1 ? x[i * features + 1]! : 0, domains);
  return out;
}
