import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from '../engine/config';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate } from '../engine/trainingData';
import type { TrainerEvent, ValidationPoint } from './protocol';
import { TrainerSession } from './trainerSession';
import { ValidationBudget, validationStride } from './validationCadence';

/** A budget that has measured fixed costs and keeps them, so the spacing it sets is known. */
class FixedCosts extends ValidationBudget {
  constructor(stepMs: number, validateMs: number) {
    super();
    super.record(1, stepMs, 1, validateMs); // the warm-up, left out
    super.record(1, stepMs, 1, validateMs);
  }

  override record(): void {}
}

describe('validationStride', () => {
  it('spaces validation points so a run of T steps has about 100', () => {
    expect(validationStride(200)).toBe(2);
    expect(validationStride(2000)).toBe(20);
    expect(validationStride(250)).toBe(2);
    expect(validationStride(150)).toBe(1);
    expect(validationStride(10)).toBe(1);
    expect(validationStride(100_000)).toBe(1000);
  });

  it('validates every step when T is unknown or not positive', () => {
    expect(validationStride(Infinity)).toBe(1);
    expect(validationStride(0)).toBe(1);
  });
});

const config = configClamp({
  data: { kind: 'gauss', points: 60, noise: 0.2, seed: 3 },
  model: { layers: 1, width: 4, activation: 'tanh' },
  optimizer: { id: 'sgd', learningRate: 0.1 },
  training: { totalSteps: 300 },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
  compare: { runs: [{ optimizer: { learningRate: 0.05 } }] },
}).config;
const STRIDE = 3; // validationStride(300)

function validationOf(events: readonly TrainerEvent[], run: number): ValidationPoint[] {
  return events.flatMap((e) => (e.type === 'frame' && e.run === run ? (e.frame.validation ?? []) : []));
}

function largestGap(points: readonly ValidationPoint[]): number {
  return Math.max(...points.slice(1).map((p, i) => p.step - points[i]!.step));
}

async function trained(now: () => number, strategy: 'looped' | 'batched', costs = new FixedCosts(1, 0.01)): Promise<TrainerEvent[]> {
  const events: TrainerEvent[] = [];
  const session = new TrainerSession((e) => events.push(e), now, costs);
  session.setStrategy(strategy);
  session.configure(config, 1);
  // Play once the step-0 frames are out, as a person presses Play after the page shows the runs.
  while (validationOf(events, 0).length === 0 || validationOf(events, 1).length === 0) await new Promise((r) => setTimeout(r, 5));
  await session.play();
  return events;
}

describe('ValidationBudget', () => {
  it('keeps validationStride(T) while a pass costs at most a tenth of the steps between points', () => {
    // A step 2 ms, a pass 0.4 ms: every 2 steps costs 0.4 / (2 × 2) = 10 %.
    expect(new FixedCosts(2, 0.4).stride(200)).toBe(2);
    expect(new FixedCosts(2, 0.4).stride(2000)).toBe(20);
  });

  it('spreads the points where a pass costs more than that', () => {
    // A pass 1.1 ms: 1.1 / (0.1 × 2) = 5.5, so every 6 steps (33 points over 200 steps); at T = 2000, 20 is cheap enough.
    expect(new FixedCosts(2, 1.1).stride(200)).toBe(6);
    expect(new FixedCosts(2, 1.1).stride(2000)).toBe(20);
  });

  it('never spreads them more than 4 × validationStride(T) apart', () => {
    // A pass dearer than a step: 10 / (0.1 × 2) = 50 steps, capped at 4 × 2.
    expect(new FixedCosts(2, 10).stride(200)).toBe(8);
  });

  it('follows measurements as exponential means (a fifth of each new one), leaving out the first (warm-up)', () => {
    const budget = new ValidationBudget();
    expect(budget.stride(200)).toBe(2); // nothing measured yet
    budget.record(10, 20, 1, 50); // the first pass builds kernels: left out
    expect(budget.stride(200)).toBe(2);
    budget.record(10, 20, 1, 0.4); // step 2 ms, pass 0.4 ms
    budget.record(10, 20, 2, 4.8); // pass 2.4 ms: mean 0.8 × 0.4 + 0.2 × 2.4 = 0.8 ms → 0.8 / 0.2 = 4
    expect(budget.stride(200)).toBe(4);
  });
});

describe('the validation curve is sampled by steps, whatever the frame rate', () => {
  // A clock that never moves: after the first frame no frame is due until training stops, so
  // every validation point but the first and last comes from inside the chunks.
  const frozen = (): number => 0;
  // A clock that leaps a second a reading: a frame, and a full evaluation, after every chunk.
  let t = 0;
  const leaping = (): number => (t += 1000);

  for (const [name, clock] of [
    ['no frame due while training', frozen],
    ['a frame after every chunk', leaping],
  ] as const) {
    for (const strategy of ['looped', 'batched'] as const) {
      it(`${name}, runs stepped ${strategy}: points from 0 to T at most ${STRIDE} steps apart, in order`, async () => {
        expect(validationStride(config.training.totalSteps)).toBe(STRIDE);
        const events = await trained(clock, strategy);
        for (const run of [0, 1]) {
          const points = validationOf(events, run);
          expect(points[0]!.step).toBe(0);
          expect(points.at(-1)!.step).toBe(300);
          expect(largestGap(points)).toBeLessThanOrEqual(STRIDE);
          expect(points.every((p, i) => i === 0 || p.step > points[i - 1]!.step)).toBe(true);
          expect(points.length).toBeGreaterThanOrEqual(101);
          expect(points.every((p) => Number.isFinite(p.loss) && p.accuracy >= 0 && p.accuracy <= 1 && Number.isNaN(p.mse))).toBe(true);
        }
      });
    }
  }

  it('where a pass is dear, the points are as far apart as the budget says and no further', async () => {
    // A pass costs half a step: every ceil(0.5 / 0.1) = 5 steps.
    const events = await trained(frozen, 'looped', new FixedCosts(1, 0.5));
    const points = validationOf(events, 0);
    expect(largestGap(points)).toBe(5);
    expect(points.length).toBe(61);
  });

  it('a point is the validation loss and accuracy of the weights after its step', async () => {
    const events = await trained(frozen, 'looped');
    const point = validationOf(events, 1).find((p) => p.step === 30)!;
    // The second run trained alone, 30 steps, then evaluated the ordinary way.
    const data = trainingDataCreate(config, null);
    const run = new TrainingRun(configRuns(config)[1]!, data);
    for (let i = 0; i < 30; i++) run.trainStep().loss.dispose();
    const evaluation = run.evaluate();
    expect(point.loss).toBeCloseTo(evaluation.validationLoss.dataSync()[0]!, 5);
    expect(point.accuracy).toBeCloseTo(evaluation.validationAccuracy.dataSync()[0]!, 6);
    run.dispose();
    data.dispose();
  });
});
