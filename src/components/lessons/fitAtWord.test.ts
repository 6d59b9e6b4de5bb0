import { describe, expect, it } from 'vitest';
import { fitAtWord } from './fitAtWord';

// One unit per character: widths are counted by hand.
const chars = (s: string): number => [...s].length;
const TITLE = '2. Noisy labels: CE vs MAE vs GCE vs LDR-KL';

describe('fitAtWord', () => {
  it('keeps a title that fits whole', () => {
    expect(fitAtWord(TITLE, 43, chars)).toBe(TITLE);
  });

  it('cuts after the last whole word that fits with its "…"', () => {
    // "2. Noisy labels: CE vs…" is 23 characters.
    expect(fitAtWord(TITLE, 23, chars)).toBe('2. Noisy labels: CE vs…');
    expect(fitAtWord(TITLE, 22, chars)).toBe('2. Noisy labels: CE…');
  });

  it('drops the punctuation the cut leaves at its end', () => {
    // "2. Noisy labels:" would end in a colon: "2. Noisy labels…" (16).
    expect(fitAtWord(TITLE, 19, chars)).toBe('2. Noisy labels…');
    expect(fitAtWord('12. Lion’s weight decay — a box', 25, chars)).toBe('12. Lion’s weight decay…');
  });

  it('never cuts inside a word, and keeps the first word where nothing fits', () => {
    expect(fitAtWord(TITLE, 9, chars)).toBe('2. Noisy…');
    expect(fitAtWord(TITLE, 8, chars)).toBe('2…');
    expect(fitAtWord(TITLE, 1, chars)).toBe('2…');
  });
});
