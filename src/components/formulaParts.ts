/**
 * Splits a TeX formula into its statements: the pieces its author set apart at the top level with
 * `\quad`, `\qquad` or a comma and a control space (`,\ `), e.g. the loss and the definition of its
 * target in `\ell = … ,\quad p_i(y) = …`. A narrow panel then wraps the formula between statements,
 * where a reader expects a new line, instead of after whichever `=` or `+` reaches the edge.
 * A separator inside braces, `\left…\right` or an environment (`cases`) belongs to its group and is
 * kept. The comma before a separator stays with the statement it ends; the space itself is dropped,
 * as the gap between the rendered statements stands in for it.
 */
export function formulaParts(tex: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  const cut = (end: number, next: number): void => {
    const part = tex.slice(start, end).trim();
    if (part !== '') parts.push(part);
    start = next;
  };
  while (i < tex.length) {
    const c = tex[i]!;
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (c !== '\\') {
      i++;
      continue;
    }
    const word = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))?.[1] ?? '';
    if (word === 'begin' || word === 'left') depth++;
    else if (word === 'end' || word === 'right') depth--;
    const after = i + 1 + word.length;
    if (depth === 0 && (word === 'quad' || word === 'qquad')) cut(i, after);
    else if (depth === 0 && word === ' ' && tex.slice(0, i).trimEnd().endsWith(',')) cut(i, after);
    // A control symbol (`\{`, `\,`, `\\`) is skipped whole, so an escaped brace never counts as a group.
    i = after;
  }
  cut(tex.length, tex.length);
  return parts.length > 0 ? parts : [tex];
}
