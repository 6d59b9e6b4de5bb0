/**
 * The longest start of `text` that ends at a whole word and, with "…" after it, is at most
 * `width` wide by `measure`: a long lesson title cut where a reader can still make it out
 * ("2. Noisy labels…", not "2. Noisy labels: C"). Punctuation left at the cut (":", ",", "—") is
 * dropped before the "…". The whole text when it fits; the first word and "…" when nothing fits.
 */
export function fitAtWord(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  const words = text.split(/\s+/).filter((w) => w !== '');
  const cut = (k: number): string => `${words.slice(0, k).join(' ').replace(/[\s:;,.—–-]+$/u, '')}…`;
  for (let k = words.length - 1; k > 1; k--) if (measure(cut(k)) <= width) return cut(k);
  return cut(1);
}
