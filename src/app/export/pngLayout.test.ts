import { describe, expect, it } from 'vitest';
import { exportFileName } from './download';
import { pngLayout, pngLegendLayout, PNG_LEGEND_LINE, PNG_LEGEND_SWATCH, PNG_PADDING, PNG_TITLE_HEIGHT } from './pngLayout';
import { svgStyleText } from './svgToPng';

describe('pngLayout', () => {
  it('leaves room for the legend lines under the title', () => {
    const layout = pngLayout([{ left: 0, top: 0, width: 100, height: 50 }], true, PNG_PADDING, 2);
    expect(layout.placements[0]!.top).toBe(PNG_PADDING + PNG_TITLE_HEIGHT + 2 * PNG_LEGEND_LINE);
    expect(layout.height).toBe(50 + PNG_PADDING + PNG_TITLE_HEIGHT + 2 * PNG_LEGEND_LINE + PNG_PADDING);
  });

  it('places legend entries left to right and wraps them to the charts\' width', () => {
    // Each entry is the swatch, 4 px, its text; 14 px between entries.
    const entry = (w: number) => PNG_LEGEND_SWATCH + 4 + w;
    const at = pngLegendLayout([50, 50, 50], entry(50) * 2 + 14);
    expect(at).toEqual([
      { line: 0, x: 0 },
      { line: 0, x: entry(50) + 14 },
      { line: 1, x: 0 },
    ]);
  });

  it('moves the charts to the padding, below the title, keeping their arrangement', () => {
    const layout = pngLayout(
      [
        { left: 100, top: 200, width: 230, height: 150 },
        { left: 340, top: 200, width: 230, height: 150 },
        { left: 100, top: 360, width: 230, height: 150 },
      ],
      true,
    );
    const top = PNG_PADDING + PNG_TITLE_HEIGHT;
    expect(layout.placements).toEqual([
      { left: PNG_PADDING, top, width: 230, height: 150 },
      { left: PNG_PADDING + 240, top, width: 230, height: 150 },
      { left: PNG_PADDING, top: top + 160, width: 230, height: 150 },
    ]);
    expect(layout.width).toBe(470 + 2 * PNG_PADDING);
    expect(layout.height).toBe(310 + top + PNG_PADDING);
    expect(layout.titleBaseline).not.toBeNull();
  });

  it('has no title line without a title, and nothing to place without charts', () => {
    expect(pngLayout([{ left: 5, top: 5, width: 10, height: 10 }], false)).toEqual({
      width: 10 + 2 * PNG_PADDING,
      height: 10 + 2 * PNG_PADDING,
      placements: [{ left: PNG_PADDING, top: PNG_PADDING, width: 10, height: 10 }],
      titleBaseline: null,
    });
    expect(pngLayout([], true).placements).toEqual([]);
  });
});

describe('svgStyleText', () => {
  it('writes the computed values, leaving out empty ones', () => {
    const values: Record<string, string> = { fill: 'rgb(0, 0, 0)', stroke: 'none', 'font-family': '"Inter", sans-serif' };
    expect(svgStyleText((p) => values[p] ?? '', ['fill', 'stroke', 'opacity', 'font-family'])).toBe('fill: rgb(0, 0, 0); stroke: none; font-family: "Inter", sans-serif');
  });
});

describe('exportFileName', () => {
  it('names the file by what it holds and when, safe for any file system', () => {
    expect(exportFileName('Loss chart', 'png', new Date(2025, 0, 31, 14, 5, 9))).toBe('losscape-loss-chart-2025-01-31-140509.png');
    expect(exportFileName('../', 'csv', new Date(2025, 0, 1, 0, 0, 0))).toBe('losscape-export-2025-01-01-000000.csv');
  });
});
