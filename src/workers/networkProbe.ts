import { tf } from '../engine/tf';
import type { TrainingRun } from '../engine/trainingRun';
import { INPUT_FEATURE_INFO } from '../engine/inputFeatures';
import type { NetworkSnapshot } from './protocol';

/** The network view's heatmaps are this coarse: 20² points per neuron is enough to read a neuron's shape. */
export const NETWORK_RESOLUTION = 20;
/** At most this many snapshots a second… */
const NETWORK_INTERVAL_MS = 200;
/** …and no more often than this many times their own cost, so watching costs at most ~1/20 of training. */
const COST_MULTIPLE = 20;

/**
 * Takes the network view's snapshots of one run: every layer's activation over a coarse grid of
 * the boundary's plane and the weights, only while the view is open, at a capped rate.
 */
export class NetworkProbe {
  private lastAt = -Infinity;
  private costMs = 0;

  constructor(private readonly now: () => number) {}

  due(): boolean {
    return this.now() - this.lastAt >= Math.max(NETWORK_INTERVAL_MS, COST_MULTIPLE * this.costMs);
  }

  async take(run: TrainingRun): Promise<NetworkSnapshot> {
    const started = this.now();
    this.lastAt = started;
    if (run.moe) {
      const unsupported = 'The network view draws a plain MLP; this model is a mixture of experts (see its gates on the boundary).';
      return { step: run.steps, resolution: NETWORK_RESOLUTION, sizes: [], inputLabels: [], activation: '', activations: new Float32Array(0), weights: new Float32Array(0), unsupported };
    }
    const layers = run.layerActivations(NETWORK_RESOLUTION);
    const joined = tf.concat(layers.map((t) => tf.reshape(tf.transpose(t), [-1])));
    const flat = run.weightsFlat();
    tf.dispose(layers);
    const [activations, weights] = (await Promise.all([joined.data(), flat.data()])) as [Float32Array, Float32Array];
    joined.dispose();
    flat.dispose();
    this.costMs = this.now() - started;
    const features = run.data.inputFeatures;
    return {
      step: run.steps,
      resolution: NETWORK_RESOLUTION,
      sizes: [run.shape.inputs, ...run.shape.hidden, run.shape.outputs],
      inputLabels: features ? features.map((id) => INPUT_FEATURE_INFO[id].label) : run.data.featureNames,
      activation: run.shape.activation,
      activations,
      weights,
    };
  }
}
