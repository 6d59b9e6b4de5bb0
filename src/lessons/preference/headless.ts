import { configClamp } from '../../engine/config';
import { PreferenceSession } from '../../workers/preferenceSession';
import type { PreferencePoint } from '../../workers/protocol';
import type { ClaimResult } from '../claimTypes';
import type { PreferenceLesson } from './types';

/**
 * Runs a preference lesson through the trainer worker's own session on a seed (data and weights)
 * and checks its claim at each multiple of its length T, in one run.
 */
export async function preferenceLessonRunHeadless(lesson: PreferenceLesson, seed: number, multiples: readonly number[]): Promise<{ multiple: number; result: ClaimResult }[]> {
  const { config, changes } = configClamp({ ...lesson.config, seed, data: { ...lesson.config.data, seed } });
  if (changes.length > 0) throw new Error(`lesson ${lesson.id}: its config was changed: ${changes.join('; ')}`);
  const series: PreferencePoint[][] = [[], ...config.compare.runs.map(() => [])];
  const session = new PreferenceSession((event) => {
    if (event.type === 'frame') series[event.run]!.push(...(event.frame.preference ?? []));
    else if (event.type === 'error') throw new Error(event.message);
  });
  session.configure(config, 1);
  const out: { multiple: number; result: ClaimResult }[] = [];
  let step = 0;
  for (const multiple of [...multiples].sort((a, b) => a - b)) {
    const target = Math.round(multiple * config.training.totalSteps);
    if (target > step) await session.step(target - step);
    step = target;
    out.push({ multiple, result: lesson.claim.check(series.map((s) => s.filter((p) => p.step <= target))) });
  }
  session.dispose();
  return out;
}
