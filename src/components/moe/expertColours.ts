// One colour per expert, up to the eight a mixture may have. The first six are the app's
// colour-blind-safe class palette; experts are not classes, so the territories view says which
// is which in its own legend.
import { CLASS_COLOURS } from '../palette';

export const EXPERT_COLOURS: readonly string[] = [...CLASS_COLOURS, '#7f7f7f', '#F0E442'];

export function expertColour(expert: number): string {
  return EXPERT_COLOURS[expert % EXPERT_COLOURS.length]!;
}

export function expertRgb(expert: number): [number, number, number] {
  const hex = expertColour(expert);
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}
