import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { PreferenceSession } from './preferenceSession';
import type { ResumePoint, TrainingFrame } from './protocol';

/** A session recording its frames per run. */
function recorded(): { session: PreferenceSession; frames: { run: number; frame: TrainingFrame }[] } {
  const frames: { run: number; frame: TrainingFrame }[] = [];
  const session = new PreferenceSession((event) => {
    if (event.type === 'frame') frames.push({ run: event.run, frame: event.frame });
  });
  return { session, frames };
}

/** Each step's training loss of `run` after step `after`, from the frames. */
function lossesAfter(frames: readonly { run: number; frame: TrainingFrame }[], run: number, after: number): number[] {
  return frames.filter((f) => f.run === run && f.frame.firstStep > after).flatMap((f) => [...f.frame.losses]);
}

describe('PreferenceSession: resuming after a worker restart', () => {
  it('goes on from the weights and step each run last sent, as an unbroken session would (plain SGD, DPO vs NPO)', async () => {
    // Plain SGD has no optimizer state to lose, so the resumed runs must follow the unbroken ones exactly.
    const { config } = configClamp({
      task: 'preference',
      data: { points: 40 },
      model: { layers: 1, width: 8 },
      preference: { responses: 4, warmupSteps: 20 },
      optimizer: { id: 'sgd', learningRate: 0.2 },
      loss: { id: 'dpo' },
      compare: { runs: [{ loss: { id: 'npo' } }] },
    });
    const unbroken = recorded();
    unbroken.session.configure(config, 1);
    await unbroken.session.step(12);
    // The weights of the frame where the step request stopped: what the client keeps to resume from.
    const resume: ResumePoint[] = [0, 1].map((run) => {
      const last = unbroken.frames.filter((f) => f.run === run).at(-1)!.frame;
      expect(last.step).toBe(12);
      return { run, step: 12, weights: last.weights!.slice() };
    });
    await unbroken.session.step(8);

    const resumed = recorded();
    resumed.session.configure(config, 1, resume);
    while (resumed.frames.length < 2) await new Promise((r) => setTimeout(r, 5));
    for (const run of [0, 1]) {
      const first = resumed.frames.find((f) => f.run === run)!.frame;
      expect(first.step, `run ${run} resumes at its step`).toBe(12);
      expect([...first.weights!]).toEqual([...resume[run]!.weights]);
    }
    await resumed.session.step(8);
    for (const run of [0, 1]) {
      const expected = lossesAfter(unbroken.frames, run, 12);
      const got = lossesAfter(resumed.frames, run, 12);
      expect(got).toHaveLength(8);
      got.forEach((loss, i) => expect(loss, `run ${run}, step ${13 + i}`).toBeCloseTo(expected[i]!, 6));
      expect(resumed.frames.filter((f) => f.run === run).at(-1)!.frame.step).toBe(20);
    }
    // π_ref is still the initial policy: the implicit margin goes on from where it was, not from 0.
    const margin = (s: typeof unbroken) => s.frames.filter((f) => f.run === 0).at(-1)!.frame.preference![0]!.margin;
    expect(margin(resumed)).toBeCloseTo(margin(unbroken), 5);
    expect(Math.abs(margin(resumed))).toBeGreaterThan(1e-3);
    unbroken.session.dispose();
    resumed.session.dispose();
  });
});
