import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { tensorsNorm } from '../optimizers/norm';

/**
 * Gradient telemetry for one training step, as one stacked Tensor1D so the caller reads it back
 * with a single `await data()`. Parameters are the MLP's [W₀, b₀, W₁, b₁, …]; a layer is a pair.
 *
 * Layout for L layers (length 2L + 3):
 *   [ ‖∇L‖₂ (all parameters),
 *     ‖∇L_l‖₂ for l = 0 … L−1,
 *     ‖θ_l − θ_l^prev‖ / ‖θ_l^prev‖ for l = 0 … L−1   (update-to-weight ratio),
 *     ‖θ − θ₀‖₂ (all parameters),
 *     mean over examples of ‖z_i‖₂ (logit norm) ]
 */

export interface GradientTelemetryInput {
  /** ∇L at θ^prev, in parameter order. */
  gradients: readonly Tensor[];
  /** θ after the step. */
  params: readonly Tensor[];
  /** θ before the step (the same as params before the first step, giving ratios of 0). */
  previousParams: readonly Tensor[];
  /** θ₀, the initial weights. */
  initialParams: readonly Tensor[];
  /** Logits n × K on the examples the mean logit norm is taken over. */
  logits: Tensor2D;
}

export interface GradientTelemetry {
  gradientNorm: number;
  layerGradientNorms: number[];
  layerUpdateRatios: number[];
  distanceFromInit: number;
  meanLogitNorm: number;
}

export function gradientTelemetryLength(layers: number): number {
  return 2 * layers + 3;
}

/** The telemetry vector (see the layout above); the caller owns and disposes it. Never reads back. */
export function gradientTelemetryTensor(input: GradientTelemetryInput): Tensor1D {
  const { gradients, params, previousParams, initialParams, logits } = input;
  if (params.length % 2 !== 0) throw new Error(`gradient telemetry: ${params.length} parameter tensors, expected [W, b] pairs`);
  for (const [name, list] of [['gradients', gradients], ['previousParams', previousParams], ['initialParams', initialParams]] as const) {
    if (list.length !== params.length) throw new Error(`gradient telemetry: ${list.length} ${name} for ${params.length} parameters`);
  }
  const layers = params.length / 2;
  return tf.tidy(() => {
    const pair = <T>(list: readonly T[], l: number): T[] => [list[2 * l]!, list[2 * l + 1]!];
    const layerGradientNorms = Array.from({ length: layers }, (_, l) => tensorsNorm(pair(gradients, l)));
    const layerUpdateRatios = Array.from({ length: layers }, (_, l) => {
      const before = pair(previousParams, l);
      const update = tensorsNorm(pair(params, l).map((p, i) => tf.sub(p, before[i]!)));
      return tf.div(update, tf.maximum(tensorsNorm(before), 1e-12));
    });
    const values = [
      tensorsNorm(gradients),
      ...layerGradientNorms,
      ...layerUpdateRatios,
      tensorsNorm(params.map((p, i) => tf.sub(p, initialParams[i]!))),
      tf.mean(tf.sqrt(tf.sum(tf.square(logits), 1))),
    ];
    return tf.stack(values) as Tensor1D;
  });
}

/** Names the read-back values of `gradientTelemetryTensor`. */
export function gradientTelemetryRead(values: Float32Array, layers: number): GradientTelemetry {
  if (values.length !== gradientTelemetryLength(layers)) {
    throw new Error(`gradient telemetry: ${values.length} values for ${layers} layers, expected ${gradientTelemetryLength(layers)}`);
  }
  return {
    gradientNorm: values[0]!,
    layerGradientNorms: Array.from(values.subarray(1, 1 + layers)),
    layerUpdateRatios: Array.from(values.subarray(1 + layers, 1 + 2 * layers)),
    distanceFromInit: values[1 + 2 * layers]!,
    meanLogitNorm: values[2 + 2 * layers]!,
  };
}
