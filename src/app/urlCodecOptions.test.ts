import { describe, expect, it } from 'vitest';
import { configFromSearch } from './urlCodec';

const notice = (search: string): string => configFromSearch(search).notices[0] ?? '';

describe('a bad choice lists only the values of the link’s task', () => {
  it('classification: losses and data of classification only', () => {
    const loss = notice('loss=nonexistent');
    expect(loss).toMatch(/^loss=nonexistent is not one of ce, .* → ce$/);
    for (const other of ['huber', 'pinball', 'hl-gauss', 'dpo', 'npo-rt']) expect(loss).not.toMatch(new RegExp(`\\b${other}\\b`));
    const data = notice('data=foo');
    expect(data).toMatch(/^data=foo is not one of circle, .* → circle$/);
    for (const other of ['plane', 'sine', 'two-branch', 'prompts']) expect(data).not.toMatch(new RegExp(`\\b${other}\\b`));
  });

  it('a loss of another task is named as not one of this task’s', () => {
    expect(notice('loss=huber')).toMatch(/^loss=huber is not one of ce, .* → ce$/);
  });

  it('regression and preference list their own', () => {
    const loss = notice('task=regression&loss=nonexistent');
    expect(loss).toMatch(/^loss=nonexistent is not one of mse, .*huber.* → mse$/);
    expect(loss).not.toMatch(/\bfocal\b|\bdpo\b/);
    expect(notice('task=regression&data=circle')).toMatch(/^data=circle is not one of .*sine.* → sine$/);
    expect(notice('task=preference&data=foo')).toBe('data=foo is not one of prompts → prompts');
    expect(notice('task=preference&run2.loss=focal')).toMatch(/^run2\.loss=focal is not one of dpo, .* → dpo$/);
  });

  it('an unknown task is read as classification for its lists', () => {
    const { notices } = configFromSearch('task=ranking&loss=huber');
    expect(notices).toContain('task=ranking is not one of classification, regression, preference → classification');
    expect(notices.some((n) => /^loss=huber is not one of ce, /.test(n))).toBe(true);
  });
});
