import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from '../engine/config';
import { LOSSES } from '../losses/registry';
import { taskLossIds } from '../losses/taskLosses';
import { regressionBranches } from '../engine/regressionData';
import { shareOnBranch } from './hlGaussVsMse';
import { LESSONS, lessonById, lessonConfig, lessonFind } from './registry';

describe('lessons', () => {
  it('are at least six, with unique ids fit for a link', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: its config is valid as given, and complete once clamped', (_, lesson) => {
    // Nothing had to be changed to fit: every value the lesson gives is in range and known.
    expect(configClamp(lesson.config).changes).toEqual([]);
    const config = lessonConfig(lesson);
    expect(configClamp(config).changes).toEqual([]);
    expect(configClamp(config).config).toEqual(config);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: its losses exist and are available for its data', (_, lesson) => {
    const config = lessonConfig(lesson);
    const known = new Set(taskLossIds(config.task));
    const given = [lesson.config.loss?.id, ...(lesson.config.compare?.runs ?? []).map((r) => r.loss?.id)].filter((id) => id !== undefined);
    for (const id of given) expect(known.has(id), id).toBe(true);
    if (config.task !== 'classification') return;
    for (const run of configRuns(config)) expect(LOSSES.find((l) => l.id === run.loss.id)!.unavailableReason(config.data.classes)).toBeNull();
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: asks a question and says what to look for', (_, lesson) => {
    expect(lesson.title.length).toBeGreaterThan(0);
    expect(lesson.setup.length).toBeGreaterThan(0);
    expect(lesson.question.trim()).toMatch(/\?$/);
    expect(lesson.lookFor.length).toBeGreaterThanOrEqual(2);
    // Plain text: nothing that looks like markup.
    for (const text of [lesson.title, lesson.setup, lesson.question, ...lesson.lookFor]) expect(text).not.toMatch(/<[a-z/]/i);
  });

  it('each compare run of a lesson is told apart by its loss or its optimizer or training', () => {
    for (const lesson of LESSONS) {
      const runs = configRuns(lessonConfig(lesson)).map((r) => JSON.stringify([r.loss, r.optimizer, r.training]));
      expect(new Set(runs).size, lesson.id).toBe(runs.length);
    }
  });

  it('lessonById throws on an unknown id, naming it; lessonFind returns null', () => {
    expect(lessonById('label-noise').id).toBe('label-noise');
    expect(() => lessonById('no-such-lesson')).toThrow('unknown lesson: no-such-lesson');
    expect(lessonFind('no-such-lesson')).toBeNull();
  });
});

describe('hl-gauss-vs-mse', () => {
  it('counts a value as on a branch with the engine’s branches', () => {
    const x = [-0.7, 0, 0.4, 0.9];
    const onUpper = x.map((v) => regressionBranches(v)[1] + 0.1);
    const between = x.map((v) => (regressionBranches(v)[0] + regressionBranches(v)[1]) / 2);
    expect(shareOnBranch(onUpper, x)).toBe(1);
    expect(shareOnBranch(between, x)).toBe(0);
    expect(shareOnBranch([regressionBranches(0.4)[0] - 0.25, between[0]!], [0.4, -0.7])).toBe(0);
  });
});
