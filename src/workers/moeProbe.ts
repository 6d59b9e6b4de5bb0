import type { TrainingRun } from '../engine/trainingRun';
import { moeRoutingStats } from '../engine/moe/moeStats';
import type { MoeFrame } from './protocol';

/**
 * A mixture of experts' routing for a frame: the statistics over the training split and each
 * grid point's top expert (its territory); null for an MLP. One readback of each.
 */
export async function moeProbe(run: TrainingRun, resolution: number): Promise<MoeFrame | null> {
  const moe = run.moe;
  const train = run.trainGates();
  const grid = run.gridGates(resolution);
  if (!moe || !train || !grid) {
    train?.dispose();
    grid?.dispose();
    return null;
  }
  const step = run.steps;
  const top = grid.argMax(1);
  grid.dispose();
  const [probs, territory] = await Promise.all([train.data() as Promise<Float32Array>, top.data() as Promise<Int32Array>]);
  train.dispose();
  top.dispose();
  const { experts, topK } = moe.shape;
  return {
    step,
    experts,
    stats: moeRoutingStats(probs, experts, topK, moe.trainDomains, run.config.data.domains),
    territories: Uint8Array.from(territory),
    resolution,
  };
}
