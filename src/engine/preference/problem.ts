import { rng, rngSeedFor } from '../rng';

/** What defines a preference problem: the prompts, the responses and the hidden reward's noise. */
export interface PreferenceProblemSpec {
  /** Prompts, each a point x of the plane [−1, 1]². */
  prompts: number;
  /** Responses y ∈ {0, …, K − 1} the policy chooses between. */
  responses: number;
  /** Chance that a pair's labels are swapped (the annotator prefers the worse response). */
  labelNoise: number;
  /** Share of the prompts whose answers are to be unlearned. */
  forgetFraction: number;
  seed: number;
}

/**
 * A toy preference problem on the plane. Response y has a centre c_y, and the hidden reward of
 * answering prompt x with y is r*(x, y) = −‖x − c_y‖²: the best answer is the nearest centre. Each
 * prompt has one pair of distinct responses drawn uniformly, labelled by r* (y_w the better one),
 * then swapped with chance `labelNoise`. For unlearning, each prompt's best response is its answer;
 * the `forgetFraction` of prompts nearest a seeded point form the forget set, the others the retain set.
 */
export interface PreferenceProblem {
  spec: PreferenceProblemSpec;
  /** Row-major `n × 2`. */
  x: Float32Array;
  /** Row-major `K × 2`. */
  centres: Float32Array;
  /** r*(x, y), row-major `n × K`. */
  reward: Float32Array;
  /** argmax_y r*(x, y) per prompt. */
  best: Int32Array;
  chosen: Int32Array;
  rejected: Int32Array;
  /** 1 where label noise swapped the pair. */
  flipped: Uint8Array;
  /** Prompt indices of the forget and the retain sets. */
  forget: Int32Array;
  retain: Int32Array;
}

export function preferenceReward(x0: number, x1: number, c0: number, c1: number): number {
  return -((x0 - c0) ** 2 + (x1 - c1) ** 2);
}

export function preferenceProblemCreate(spec: PreferenceProblemSpec): PreferenceProblem {
  const { prompts: n, responses: k } = spec;
  const random = rng(rngSeedFor(spec.seed, 'preference'));
  // Centres spread on a ring (with a seeded jitter) so every response is the best somewhere.
  const centres = new Float32Array(2 * k);
  const turn = random.next() * 2 * Math.PI;
  for (let y = 0; y < k; y++) {
    const angle = turn + (2 * Math.PI * y) / k;
    const radius = 0.55 + 0.25 * random.next();
    centres[2 * y] = radius * Math.cos(angle);
    centres[2 * y + 1] = radius * Math.sin(angle);
  }
  const x = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) x[i] = 2 * random.next() - 1;
  const reward = new Float32Array(n * k);
  const best = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < k; y++) {
      reward[i * k + y] = preferenceReward(x[2 * i]!, x[2 * i + 1]!, centres[2 * y]!, centres[2 * y + 1]!);
      if (reward[i * k + y]! > reward[i * k + best[i]!]!) best[i] = y;
    }
  }
  const chosen = new Int32Array(n);
  const rejected = new Int32Array(n);
  const flipped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = random.int(k);
    const b = (a + 1 + random.int(k - 1)) % k;
    const aWins = reward[i * k + a]! >= reward[i * k + b]!;
    const flip = random.next() < spec.labelNoise;
    flipped[i] = flip ? 1 : 0;
    chosen[i] = aWins !== flip ? a : b;
    rejected[i] = aWins !== flip ? b : a;
  }
  // The forget set is a topic: the prompts nearest a seeded point, so a model can drop it and keep
  // the rest (a random scatter of prompts would share every answer with its retained neighbours).
  const topic = rng(rngSeedFor(spec.seed, 'forget'));
  const t0 = 1.2 * topic.next() - 0.6;
  const t1 = 1.2 * topic.next() - 0.6;
  const distance = Float64Array.from({ length: n }, (_, i) => (x[2 * i]! - t0) ** 2 + (x[2 * i + 1]! - t1) ** 2);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => distance[a]! - distance[b]! || a - b);
  const forgetCount = Math.max(1, Math.min(n - 1, Math.round(spec.forgetFraction * n)));
  return {
    spec,
    x,
    centres,
    reward,
    best,
    chosen,
    rejected,
    flipped,
    forget: Int32Array.from(order.subarray(0, forgetCount)).sort(),
    retain: Int32Array.from(order.subarray(forgetCount)).sort(),
  };
}
