import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { PreferenceSession } from './preferenceSession';
import type { TrainerEvent, TrainingFrame } from './protocol';

/** The step-0 frame of each run, and every event, of a session configured with `input`. */
async function startFrames(input: Record<string, unknown>): Promise<{ first: TrainingFrame[]; events: TrainerEvent[] }> {
  const { config } = configClamp({ task: 'preference', data: { points: 40 }, model: { layers: 1, width: 8 }, preference: { responses: 4, warmupSteps: 20 }, ...input });
  const events: TrainerEvent[] = [];
  const session = new PreferenceSession((event) => events.push(event));
  session.configure(config, 1);
  // The step-0 frames are read back asynchronously: wait until every run's has arrived.
  const runs = 1 + config.compare.runs.length;
  const frames = (): { run: number; frame: TrainingFrame }[] => events.flatMap((e) => (e.type === 'frame' && e.frame.step === 0 ? [{ run: e.run, frame: e.frame }] : []));
  while (frames().length < runs) await new Promise((resolve) => setTimeout(resolve, 5));
  const first = Array.from({ length: runs }, (_, run) => frames().find((f) => f.run === run)!.frame);
  session.dispose();
  return { first, events };
}

describe('PreferenceSession: where a comparison starts', () => {
  it('a preference loss against an unlearning loss (DPO vs NPO) starts both runs from the same weights and data', async () => {
    const { first, events } = await startFrames({ loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'npo' } }, { loss: { id: 'ga' } }] } });
    expect(events.filter((e) => e.type === 'data')).toHaveLength(1);
    const [dpo, npo, ga] = first.map((f) => f.weights!);
    expect(dpo!.length).toBeGreaterThan(0);
    expect([...dpo!]).toEqual([...npo!]);
    expect([...dpo!]).toEqual([...ga!]);
    // …and it is the warmed-up policy that NPO alone starts from, which knows the answers to forget.
    const alone = await startFrames({ loss: { id: 'npo' } });
    expect([...alone.first[0]!.weights!]).toEqual([...dpo!]);
    expect(first[0]!.preference![0]!.bestProb).toBeGreaterThan(0.5);
  });

  it('a comparison of preference losses alone still starts from the seeded random policy', async () => {
    const { first } = await startFrames({ loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'ipo' } }] } });
    const warm = await startFrames({ loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'npo' } }] } });
    expect([...first[0]!.weights!]).toEqual([...first[1]!.weights!]);
    expect([...first[0]!.weights!]).not.toEqual([...warm.first[0]!.weights!]);
    // A random policy over 4 responses is near uniform: π of the best response near ¼.
    expect(first[0]!.preference![0]!.bestProb).toBeLessThan(0.4);
  });
});
