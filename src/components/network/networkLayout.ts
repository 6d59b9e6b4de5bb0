// Where the network view puts its neurons and edges, and how it colours them. Pure, no DOM.

/** Drawn at most: TensorFlow Playground's 6 hidden layers, 16 neurons a layer (a note says when more exist). */
export const NETWORK_MAX_HIDDEN_LAYERS = 6;
export const NETWORK_MAX_NEURONS = 16;

export interface NeuronBox {
  layer: number;
  neuron: number;
  x: number;
  y: number;
}

export interface NetworkLayout {
  size: number;
  /** Per layer, the neurons drawn (the first NETWORK_MAX_NEURONS). */
  neurons: NeuronBox[][];
  /** Layers with more neurons than drawn. */
  clipped: boolean;
}

/**
 * Columns evenly across `width`, each column's neurons centred in `height`, squares as large as fit.
 * The gap between squares is a quarter of a square, so the tallest column always fits the height
 * (a fixed gap pushed 16 neurons past a short panel's bottom).
 */
export function networkLayout(sizes: readonly number[], width: number, height: number): NetworkLayout {
  const shown = sizes.map((n) => Math.min(n, NETWORK_MAX_NEURONS));
  const tallest = Math.max(1, ...shown);
  const size = Math.max(2, Math.min(48, height / (tallest + (tallest - 1) / 4), width / (2 * sizes.length)));
  const gap = size / 4;
  const columnGap = sizes.length > 1 ? (width - size) / (sizes.length - 1) : 0;
  const neurons = shown.map((count, layer) => {
    const top = (height - (count * size + (count - 1) * gap)) / 2;
    return Array.from({ length: count }, (_, neuron) => ({ layer, neuron, x: layer * columnGap, y: top + neuron * (size + gap) }));
  });
  return { size, neurons, clipped: shown.some((n, l) => n < sizes[l]!) };
}

/**
 * Index into the flat weights (W₀ row-major inputs × outputs, b₀, W₁, b₁, …) of the weight from
 * neuron `from` of layer `layer` to neuron `to` of layer `layer + 1`.
 */
export function networkWeightIndex(sizes: readonly number[], layer: number, from: number, to: number): number {
  let offset = 0;
  for (let l = 0; l < layer; l++) offset += sizes[l]! * sizes[l + 1]! + sizes[l + 1]!;
  return offset + from * sizes[layer + 1]! + to;
}

/** Orange for negative, white at 0, blue for positive, as in TensorFlow Playground; t in [−1, 1]. */
export function divergingRgb(t: number): [number, number, number] {
  const s = Math.max(-1, Math.min(1, t));
  const [r, g, b] = s < 0 ? [245, 147, 34] : [8, 119, 189];
  const a = Math.abs(s);
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/** The largest |value| of a layer's activations (at least a small floor, so a dead layer stays white). */
export function layerScale(values: Float32Array, start: number, end: number): number {
  let max = 1e-6;
  for (let i = start; i < end; i++) max = Math.max(max, Math.abs(values[i]!));
  return max;
}
