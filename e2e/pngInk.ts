import type { Page } from '@playwright/test';

/** A horizontal band of a picture's rows holding text, and how many separate runs of text it holds. */
export interface InkBand {
  top: number;
  bottom: number;
  /** Runs of text across the band, split where there is no ink for at least `gap` pixels. */
  segments: number;
}

/**
 * The bands of rows of a PNG (decoded in the page) that hold text in the app's ink, #14202e: rows
 * with at least a few pixels within a small distance of it (anti-aliased glyphs have their cores
 * at it; the charts' lines drawn over colour, like the landscape's translucent contours, do not).
 */
export async function pngInkBands(page: Page, png: Buffer, gap = 40): Promise<{ width: number; height: number; bands: InkBand[] }> {
  return page.evaluate(
    async ({ base64, gap }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const ink = (i: number) => Math.hypot(data[i]! - 0x14, data[i + 1]! - 0x20, data[i + 2]! - 0x2e) < 24;
      const rows: number[][] = [];
      for (let y = 0; y < image.height; y++) {
        const xs: number[] = [];
        for (let x = 0; x < image.width; x++) if (ink(4 * (y * image.width + x))) xs.push(x);
        rows.push(xs.length >= 3 ? xs : []);
      }
      const bands: { top: number; bottom: number; segments: number }[] = [];
      let y = 0;
      while (y < rows.length) {
        if (rows[y]!.length === 0) {
          y++;
          continue;
        }
        const top = y;
        const columns = new Set<number>();
        // A band goes on over gaps of up to 5 rows (a descender's thin tail).
        while (y < rows.length && [0, 1, 2, 3, 4, 5].some((d) => (rows[y + d]?.length ?? 0) > 0)) {
          rows[y]!.forEach((x) => columns.add(x));
          y++;
        }
        const xs = [...columns].sort((a, b) => a - b);
        const segments = xs.length === 0 ? 0 : 1 + xs.slice(1).filter((x, i) => x - xs[i]! >= gap).length;
        bands.push({ top, bottom: y, segments });
      }
      return { width: image.width, height: image.height, bands };
    },
    { base64: png.toString('base64'), gap },
  );
}
