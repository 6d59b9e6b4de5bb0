import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import type { NetworkSnapshot, TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';
import { NETWORK_RESOLUTION } from './networkProbe';

const small = configClamp({
  data: { kind: 'xor', points: 60 },
  model: { layers: 2, width: 3, features: ['x1', 'x2', 'x1x2'] },
  optimizer: { id: 'sgd', learningRate: 0.1 },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
}).config;

function sessionWithEvents() {
  const events: TrainerEvent[] = [];
  const session = new TrainerSession((event) => events.push(event));
  const snapshots = (): NetworkSnapshot[] => events.flatMap((e) => (e.type === 'network' ? [e.snapshot] : []));
  return { session, events, snapshots };
}

describe('TrainerSession and the network view', () => {
  it('takes snapshots only while the view is open, with every layer over the grid', async () => {
    const { session, snapshots } = sessionWithEvents();
    session.configure(small, 1);
    await session.step(20);
    expect(snapshots()).toHaveLength(0);
    await session.watchNetwork(0);
    const first = snapshots()[0]!;
    expect(first.sizes).toEqual([3, 3, 3, 2]);
    expect(first.inputLabels).toEqual(['x₁', 'x₂', 'x₁x₂']);
    expect(first.activations.length).toBe((3 + 3 + 3 + 2) * NETWORK_RESOLUTION ** 2);
    await session.step(20);
    const last = snapshots().at(-1)!;
    expect(last.step).toBe(40);
    expect(Array.from(last.weights)).not.toEqual(Array.from(first.weights));
    await session.watchNetwork(null);
    const count = snapshots().length;
    await session.step(20);
    expect(snapshots()).toHaveLength(count);
  });

  it('sets a weight by hand and trains on from it', async () => {
    const { session, snapshots } = sessionWithEvents();
    session.configure(small, 1);
    await session.watchNetwork(0);
    await session.setWeight(0, 2, 3.5);
    expect(snapshots().at(-1)!.weights[2]).toBe(3.5);
    await session.step(1);
    const after = snapshots().at(-1)!;
    expect(after.step).toBe(1);
    // One SGD step moves the edited weight from 3.5, not from its initial value.
    expect(Math.abs(after.weights[2]! - 3.5)).toBeLessThan(0.5);
  });

  it('says why it draws nothing for a mixture of experts, and training goes on', async () => {
    const { session, snapshots } = sessionWithEvents();
    session.configure(configClamp({ ...small, model: { ...small.model, kind: 'moe' } }).config, 1);
    await session.watchNetwork(0);
    await session.step(5);
    expect(snapshots().at(-1)!.unsupported).toMatch(/mixture of experts/);
    expect(snapshots().at(-1)!.step).toBe(5);
  });

  it('plays at a set speed: that many steps a frame', async () => {
    const { session } = sessionWithEvents();
    session.configure({ ...small, playback: { stepsPerFrame: 2 } }, 1);
    const started = performance.now();
    await session.step(10);
    // Five chunks of two steps, each at least one 60 Hz frame long (a lower bound only).
    expect(performance.now() - started).toBeGreaterThan(4 * (1000 / 60) - 5);
  });
});
