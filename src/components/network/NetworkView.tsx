import { useEffect, useMemo, useState } from 'react';
import type { TrainerClient } from '../../app/trainerClient';
import { useNetworkStore } from '../../app/networkStore';
import { useSelectedRun } from '../../app/selectionStore';
import { useRunCount } from '../../app/variantHooks';
import type { NetworkSnapshot } from '../../workers/protocol';
import { ShowingRun } from '../compare/ShowingRun';
import { useBoxSize } from '../layout/useBoxSize';
import { classRgb } from '../palette';
import { divergingRgb, layerScale, NETWORK_MAX_NEURONS, networkLayout, networkWeightIndex, type NeuronBox } from './networkLayout';
import { WeightEditor, type EdgeRef } from './WeightEditor';

/**
 * TensorFlow Playground's network: each neuron drawn as a heatmap of its activation over the
 * boundary's plane (inputs, hidden layers, and the output's class probabilities), edges coloured
 * by sign and thickened by size of weight. Hover an edge for its weight, click it to edit; the
 * trainer takes the new weight and training goes on from it. Snapshots stream from the trainer
 * only while this view is open, a few a second (networkProbe.ts).
 */
export function NetworkView({ client }: { client: TrainerClient }) {
  const run = useSelectedRun(useRunCount());
  useEffect(() => {
    client.watchNetwork(run);
    return () => client.watchNetwork(null);
  }, [client, run]);
  const snapshot = useNetworkStore((s) => s.snapshot);
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const [hovered, setHovered] = useState<EdgeRef | null>(null);
  const [editing, setEditing] = useState<EdgeRef | null>(null);
  return (
    <section className="panel network-view" aria-label="Network" data-testid="network-view">
      <header className="chart-header">
        <h2>Network</h2>
        <ShowingRun testId="showing-run-network" />
        <span className="legend">
          <span className="swatch" style={{ background: '#f59322' }} /> negative <span className="swatch" style={{ background: '#0877bd' }} /> positive · hover an edge for its weight, click to edit it
        </span>
      </header>
      <p className="legend network-readout" data-testid="network-readout">
        {hovered ? edgeText(hovered, snapshot) : snapshot ? `step ${snapshot.step.toLocaleString('en')} · ${snapshot.activation} · each square: a neuron's activation over the plane` : 'waiting for the trainer…'}
        {/* In the readout's line, not above the diagram, so the diagram keeps the box's whole height. */}
        {snapshot && snapshot.sizes.some((n) => n > NETWORK_MAX_NEURONS) && <span data-testid="network-clipped"> · showing the first {NETWORK_MAX_NEURONS} neurons of each layer</span>}
      </p>
      {editing && snapshot && (
        <WeightEditor
          edge={editing}
          current={snapshot.weights[editing.index] ?? 0}
          onSet={(value) => {
            client.setWeight(run, editing.index, value);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {snapshot?.unsupported && (
        <p className="note" data-testid="network-unsupported">
          {snapshot.unsupported}
        </p>
      )}
      <div className="network-box" ref={boxRef}>
        {snapshot && !snapshot.unsupported && box && box.width > 0 && <NetworkDiagram snapshot={snapshot} width={box.width} height={Math.max(120, box.height)} onHover={setHovered} onEdit={setEditing} />}
      </div>
    </section>
  );
}

function neuronName(snapshot: NetworkSnapshot | null, layer: number, neuron: number): string {
  if (!snapshot) return '';
  if (layer === 0) return snapshot.inputLabels[neuron] ?? `input ${neuron + 1}`;
  if (layer === snapshot.sizes.length - 1) return `output ${neuron + 1}`;
  return `h${layer}.${neuron + 1}`;
}

function edgeText(edge: EdgeRef, snapshot: NetworkSnapshot | null): string {
  const value = snapshot?.weights[edge.index];
  return `weight ${neuronName(snapshot, edge.layer, edge.from)} → ${neuronName(snapshot, edge.layer + 1, edge.to)} = ${value === undefined ? '—' : value.toFixed(4)} (click to edit)`;
}

/** One neuron's activation over the grid as a PNG data URL (rows from the top of the plane). */
function heatmapUrl(canvas: HTMLCanvasElement, values: Float32Array, start: number, resolution: number, colour: (v: number) => [number, number, number]): string {
  canvas.width = resolution;
  canvas.height = resolution;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(resolution, resolution);
  for (let i = 0; i < resolution * resolution; i++) {
    const [r, g, b] = colour(values[start + i]!);
    image.data.set([r, g, b, 255], 4 * i);
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

interface DiagramProps {
  snapshot: NetworkSnapshot;
  width: number;
  height: number;
  onHover(edge: EdgeRef | null): void;
  onEdit(edge: EdgeRef): void;
}

function NetworkDiagram({ snapshot, width, height, onHover, onEdit }: DiagramProps) {
  const { sizes, resolution, activations, weights } = snapshot;
  const layout = useMemo(() => networkLayout(sizes, width - 8, height - 8), [sizes, width, height]);
  const images = useMemo(() => {
    const canvas = document.createElement('canvas');
    const cells = resolution * resolution;
    // Layer l's activations start after those of the layers before it.
    const starts = sizes.map((_, layer) => sizes.slice(0, layer).reduce((sum, n) => sum + n * cells, 0));
    return sizes.map((count, layer) => {
      const start = starts[layer]!;
      const end = start + count * cells;
      const scale = layerScale(activations, start, end);
      const output = layer === sizes.length - 1;
      const urls = layout.neurons[layer]!.map(({ neuron }) => {
        const colour = output
          ? (p: number): [number, number, number] => {
              const [r, g, b] = classRgb(neuron);
              return [255 + (r - 255) * p, 255 + (g - 255) * p, 255 + (b - 255) * p];
            }
          : (v: number) => divergingRgb(v / scale);
        return heatmapUrl(canvas, activations, start + neuron * cells, resolution, colour);
      });
      return urls;
    });
  }, [sizes, resolution, activations, layout]);
  const maxWeight = useMemo(() => {
    let max = 1e-6;
    for (let l = 0; l + 1 < sizes.length; l++) for (let i = 0; i < sizes[l]!; i++) for (let j = 0; j < sizes[l + 1]!; j++) max = Math.max(max, Math.abs(weights[networkWeightIndex(sizes, l, i, j)]!));
    return max;
  }, [sizes, weights]);
  const { size, neurons } = layout;
  const edges: { key: string; edge: EdgeRef; a: NeuronBox; b: NeuronBox; w: number }[] = [];
  for (let l = 0; l + 1 < neurons.length; l++) {
    for (const a of neurons[l]!) {
      for (const b of neurons[l + 1]!) {
        const index = networkWeightIndex(sizes, l, a.neuron, b.neuron);
        edges.push({ key: `${l}-${a.neuron}-${b.neuron}`, edge: { layer: l, from: a.neuron, to: b.neuron, index }, a, b, w: weights[index]! });
      }
    }
  }
  return (
    <svg width={width} height={height} className="network-diagram" data-testid="network-diagram" role="img" aria-label={`A network of layers ${sizes.join(', ')}`}>
        <g transform="translate(4 4)">
          {edges.map(({ key, edge, a, b, w }) => {
            const [r, g, bl] = divergingRgb(w / maxWeight);
            const line = { x1: a.x + size, y1: a.y + size / 2, x2: b.x, y2: b.y + size / 2 };
            return (
              <g key={key}>
                <line {...line} stroke={`rgb(${r},${g},${bl})`} strokeWidth={0.5 + 3.5 * Math.min(1, Math.abs(w) / maxWeight)} />
                <line
                  {...line}
                  stroke="transparent"
                  strokeWidth={6}
                  className="network-edge-hit"
                  data-testid="network-edge"
                  data-index={edge.index}
                  onMouseEnter={() => onHover(edge)}
                  onMouseLeave={() => onHover(null)}
                  onClick={() => onEdit(edge)}
                />
              </g>
            );
          })}
          {neurons.flat().map(({ layer, neuron, x, y }) => (
            <rect key={`frame-${layer}-${neuron}`} x={x - 0.5} y={y - 0.5} width={size + 1} height={size + 1} className="network-neuron-frame" />
          ))}
          {neurons.flat().map(({ layer, neuron, x, y }) => (
            <image key={`${layer}-${neuron}`} href={images[layer]![neuron]} x={x} y={y} width={size} height={size} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} data-testid={layer === 0 ? 'network-input' : layer === sizes.length - 1 ? 'network-output' : 'neuron'} data-layer={layer}>
              <title>{neuronName(snapshot, layer, neuron)}</title>
            </image>
          ))}
          {neurons[0]!.map(({ neuron, x, y }) => (
            <text key={neuron} x={x + size + 2} y={y - 1} className="network-label">
              {snapshot.inputLabels[neuron]}
            </text>
          ))}
        </g>
    </svg>
  );
}
