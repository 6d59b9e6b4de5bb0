/**
 * Class colours from the Okabe–Ito palette, distinguishable with the common forms of colour
 * blindness. Blue and orange come first so binary tasks get the most distinct pair.
 */
export const CLASS_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

export function classColour(label: number): string {
  return CLASS_COLOURS[label % CLASS_COLOURS.length]!;
}

/** The colour as [r, g, b] in 0–255. */
export function classRgb(label: number): [number, number, number] {
  const hex = classColour(label);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Run colours in a comparison, also Okabe–Ito, in an order that keeps the first runs far apart.
 * Runs are told apart by these colours in line charts and by name everywhere else.
 */
export const RUN_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length]!;
}

/** "A", "B", … — short run names for legends and tabs. */
export function runLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
