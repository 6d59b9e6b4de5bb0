import { rng, rngPermutation, rngSeedFor, type Rng } from '../rng';

/**
 * Draws global batches of micro-batches, each micro-batch from a single domain — as a language
 * model's micro-batch holds a few sequences from one source, which is what makes micro-batch load
 * balancing force every domain to spread over every expert (Qiu et al. 2025).
 *
 * The domains of a step's micro-batches are taken in turn from seeded shuffles of the non-empty
 * domains, so over a few steps every domain is seen equally often; within a domain, points are
 * taken in a seeded per-domain epoch order.
 */
export class MoeBatchSampler {
  private readonly random: Rng;
  private readonly members: Int32Array[];
  private readonly orders: Int32Array[];
  private readonly cursors: number[];
  private domainOrder: number[] = [];

  /** `domains[i]`: the domain of training point i. */
  constructor(
    domains: Int32Array,
    domainCount: number,
    seed: number,
  ) {
    this.random = rng(rngSeedFor(seed, 'moe-batches'));
    const lists: number[][] = Array.from({ length: domainCount }, () => []);
    domains.forEach((d, i) => lists[d]!.push(i));
    this.members = lists.map((list) => Int32Array.from(list));
    this.orders = this.members.map(() => new Int32Array(0));
    this.cursors = this.members.map(() => 0);
    if (this.members.every((m) => m.length === 0)) throw new Error('a mixture of experts needs training points');
  }

  /**
   * The next global batch: `microBatches × size` indices into the training split, micro-batch j in
   * rows [j·size, (j + 1)·size), and the domain of each micro-batch.
   */
  next(microBatches: number, size: number): { indices: Int32Array; domains: Int32Array } {
    const indices = new Int32Array(microBatches * size);
    const domains = new Int32Array(microBatches);
    for (let j = 0; j < microBatches; j++) {
      const d = this.nextDomain();
      domains[j] = d;
      for (let s = 0; s < size; s++) indices[j * size + s] = this.nextMember(d);
    }
    return { indices, domains };
  }

  private nextDomain(): number {
    if (this.domainOrder.length === 0) {
      const present = this.members.map((m, d) => (m.length > 0 ? d : -1)).filter((d) => d >= 0);
      this.domainOrder = Array.from(rngPermutation(this.random, present.length), (k) => present[k]!);
    }
    return this.domainOrder.shift()!;
  }

  private nextMember(d: number): number {
    const members = this.members[d]!;
    if (this.cursors[d]! >= this.orders[d]!.length) {
      this.orders[d] = rngPermutation(this.random, members.length);
      this.cursors[d] = 0;
    }
    return members[this.orders[d]![this.cursors[d]!++]!]!;
  }
}
