// Which batch, if any, holds a training run's weights and optimizer state between its steps.

/** A batch of runs stepping together (batchedRuns.ts), holding their weights and optimizer state. */
export interface RunHolder {
  /** Writes the weights and optimizer state back into every run it holds, and lets them go. */
  handBack(): void;
  /** Writes the current weights into every run it holds, and holds on (a read of the weights alone). */
  syncWeights(): void;
}

/**
 * A run's holder: while a batch holds the run, the run's own variables are stale, so anything that
 * reads or writes them (or the optimizer's state) first has the batch hand everything back. The
 * batch keeps stepping, chunk after chunk, until then.
 */
export class RunHold {
  private holder: RunHolder | null = null;

  get current(): RunHolder | null {
    return this.holder;
  }

  /** `holder` takes the run, after whatever held it has handed it back. */
  take(holder: RunHolder): void {
    this.release();
    this.holder = holder;
  }

  /** Has the holder hand back: call before reading or writing the run's weights or optimizer state. */
  release(): void {
    const holder = this.holder;
    if (!holder) return;
    this.holder = null;
    holder.handBack();
  }

  /**
   * Has the holder write the run's current weights into it and hold on: call before reading the
   * weights alone (a probe, a frame), never before writing them or reading the optimizer's state.
   */
  sync(): void {
    this.holder?.syncWeights();
  }

  /** Forgets `holder` without asking it to hand back: it is handing back itself. */
  drop(holder: RunHolder): void {
    if (this.holder === holder) this.holder = null;
  }
}
