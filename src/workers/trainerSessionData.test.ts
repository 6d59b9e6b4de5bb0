import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import type { DataPoints, TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';

const iris = configClamp({
  data: { kind: 'iris', seed: 2 },
  model: { layers: 1, width: 8, activation: 'tanh' },
  optimizer: { id: 'adam', learningRate: 0.05 },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
}).config;

function pointsOf(events: TrainerEvent[]): DataPoints[] {
  return events.flatMap((e) => (e.type === 'data' ? [e.points] : []));
}

describe('TrainerSession with more than two features', () => {
  it('trains Iris on all four features and shows the chosen two', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(iris, 1);
    const [points] = pointsOf(events);
    expect(points!.features).toBe(4);
    expect(points!.plane).toHaveLength(150 * 2);
    expect(points!.axes).toEqual(['sepal length (cm)', 'sepal width (cm)']);
    await session.step(150);
    const frames = events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
    const last = frames.at(-1)!;
    const losses = frames.flatMap((f) => Array.from(f.losses));
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
    const boundary = frames.flatMap((f) => (f.boundary ? [f.boundary] : [])).at(-1)!;
    expect(boundary.classes).toBe(3);
    expect(boundary.planeSerial).toBe(points!.planeSerial);
    expect(last.step).toBe(150);
  });

  it('a view change re-projects the points and redraws the boundary without restarting', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(iris, 1);
    await session.step(20);
    const before = pointsOf(events)[0]!;
    await session.setView({ mode: 'pca', x: 0, y: 1 });
    const after = pointsOf(events).at(-1)!;
    expect(after.planeSerial).toBeGreaterThan(before.planeSerial);
    expect(after.axes[0]).toMatch(/^PC1/);
    expect(after.view.mode).toBe('pca');
    expect(Array.from(after.x)).toEqual(Array.from(before.x));
    expect(Array.from(after.plane)).not.toEqual(Array.from(before.plane));
    const boundary = events.find((e) => e.type === 'boundary');
    expect(boundary).toMatchObject({ type: 'boundary', run: 0, boundary: { planeSerial: after.planeSerial, resolution: 48, classes: 3 } });
    // Training goes on from where it was.
    await session.step(5);
    const frames = events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
    expect(frames.at(-1)!.step).toBe(25);
  });

  it('a CSV config without its table is refused and the current runs go on', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(iris, 1);
    const csv = configClamp({ ...iris, data: { ...iris.data, kind: 'csv', classes: 2, csv: { name: 'x.csv', label: 'y', hash: '1' } } }).config;
    expect(() => session.configure(csv, 2)).toThrow(/upload it again/);
    await session.step(3);
    const frame = events.filter((e) => e.type === 'frame').at(-1);
    expect(frame).toMatchObject({ revision: 1, frame: { step: 3 } });
  });
});
