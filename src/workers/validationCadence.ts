/**
 * How many steps apart a run's validation points are. The held-out metrics of a frame come at a
 * time cadence (evaluationCadence.ts), so on a fast machine a 200-step run got two or three of
 * them and its validation curve was a straight line whose shape depended on the machine's speed.
 * The validation curve is therefore sampled by steps: every `validationStride(T)` steps, so a run
 * of its total steps T has about `VALIDATION_POINTS` points whatever the frame rate.
 */
export const VALIDATION_POINTS = 100;

export function validationStride(totalSteps: number): number {
  if (!Number.isFinite(totalSteps) || totalSteps <= 0) return 1;
  return Math.max(1, Math.floor(totalSteps / VALIDATION_POINTS));
}

/**
 * Validating takes at most about this share of the time a run spends training. Where a
 * validation pass costs more than this share of `stride` steps (a large validation split beside a
 * small minibatch), the points are spread further apart. The bound is on the ratio of two costs
 * on the same backend, which the model and the data set, not the machine's speed, so the spacing
 * still does not change with how fast or loaded the machine is.
 */
export const VALIDATION_SHARE = 0.1;
/** However dear validating is, points are at most this many times `validationStride(T)` apart (≥ 25 a run). */
export const MAX_WIDENING = 4;

/** Running means of what a training step and a validation pass cost (ms), as chunks measure them. */
export class ValidationBudget {
  private stepMs = 0;
  private validateMs = 0;
  /** The first chunk that validates is left out: its first pass builds kernels and warms caches. */
  private warm = false;

  /** A chunk's `steps` took `stepMs` in all, its `validations` passes `validateMs` in all. */
  record(steps: number, stepMs: number, validations: number, validateMs: number): void {
    // Exponential means: they follow a change of backend or load within a few chunks.
    if (validations > 0 && !this.warm) {
      this.warm = true;
      return;
    }
    if (steps > 0) this.stepMs = mix(this.stepMs, stepMs / steps);
    if (validations > 0) this.validateMs = mix(this.validateMs, validateMs / validations);
  }

  /** Steps between validation points: `validationStride(T)`, or more where validating would cost more than its share. */
  stride(totalSteps: number): number {
    const planned = validationStride(totalSteps);
    if (this.stepMs <= 0 || this.validateMs <= 0) return planned;
    const affordable = Math.ceil(this.validateMs / (VALIDATION_SHARE * this.stepMs));
    return Math.min(MAX_WIDENING * planned, Math.max(planned, affordable));
  }
}

function mix(mean: number, value: number): number {
  return mean === 0 ? value : 0.8 * mean + 0.2 * value;
}
