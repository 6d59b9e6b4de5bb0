/**
 * A bounded, append-only (step, value) series for charts. It keeps every point until it holds
 * `capacity`, then merges neighbours pairwise (averaging), so an hour of training costs the
 * same memory and drawing time as a minute while the curve keeps its shape.
 */
export class Series {
  private steps: Float64Array;
  private values: Float64Array;
  private weights: Float64Array;
  private length = 0;
  /** How many raw points one stored point stands for, at most. */
  private bucket = 1;
  private firstRaw: number | undefined;
  private lastRaw: number | undefined;

  constructor(private readonly capacity = 4096) {
    this.steps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.weights = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(step: number, value: number): void {
    this.firstRaw ??= value;
    this.lastRaw = value;
    const last = this.length - 1;
    if (last >= 0 && this.weights[last]! < this.bucket) {
      const w = this.weights[last]!;
      this.values[last] = (this.values[last]! * w + value) / (w + 1);
      this.weights[last] = w + 1;
      this.steps[last] = step;
      return;
    }
    if (this.length === this.capacity) this.halve();
    this.steps[this.length] = step;
    this.values[this.length] = value;
    this.weights[this.length] = 1;
    this.length += 1;
  }

  /** The stored points, oldest first. */
  points(): { steps: Float64Array; values: Float64Array } {
    return { steps: this.steps.subarray(0, this.length), values: this.values.subarray(0, this.length) };
  }

  /** The first value pushed, exactly (not merged with its neighbours). */
  first(): number | undefined {
    return this.firstRaw;
  }

  /** The last value pushed, exactly (not merged with its neighbours). */
  last(): number | undefined {
    return this.lastRaw;
  }

  private halve(): void {
    let out = 0;
    for (let i = 0; i < this.length; i += 2) {
      const wa = this.weights[i]!;
      const wb = i + 1 < this.length ? this.weights[i + 1]! : 0;
      const vb = i + 1 < this.length ? this.values[i + 1]! : 0;
      this.values[out] = (this.values[i]! * wa + vb * wb) / (wa + wb);
      this.steps[out] = i + 1 < this.length ? this.steps[i + 1]! : this.steps[i]!;
      this.weights[out] = wa + wb;
      out += 1;
    }
    this.length = out;
    this.bucket *= 2;
  }
}
