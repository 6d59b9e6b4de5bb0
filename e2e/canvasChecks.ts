// Reading back what a canvas shows, in the browser.
import type { Page } from '@playwright/test';

/**
 * The share of the canvas drawn in colour (the viridis mesh), apart from the white background
 * and the grey floor grid: the 3-D view shows its pictures on a 2-D canvas, so it can be read back.
 */
export function colouredShare(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let coloured = 0;
    for (let k = 0; k < data.length; k += 4) {
      const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
    }
    return coloured / (data.length / 4);
  });
}

/**
 * How far the coloured drawing (the mesh, the path) stays from each edge of the canvas, in CSS
 * pixels: the rows at the foot, the top and the columns at either side without a coloured pixel.
 */
export function colouredMargins(page: Page, testId: string): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const coloured = (x: number, y: number): boolean => {
      const k = 4 * (y * copy.width + x);
      return Math.max(data[k]!, data[k + 1]!, data[k + 2]!) - Math.min(data[k]!, data[k + 1]!, data[k + 2]!) > 40;
    };
    const row = (y: number): boolean => Array.from({ length: copy.width }, (_, x) => x).some((x) => coloured(x, y));
    const column = (x: number): boolean => Array.from({ length: copy.height }, (_, y) => y).some((y) => coloured(x, y));
    const count = (n: number, filled: (k: number) => boolean): number => {
      let k = 0;
      while (k < n && !filled(k)) k++;
      return k;
    };
    const scale = canvas.getBoundingClientRect().height / copy.height;
    return {
      top: count(copy.height, (k) => row(k)) * scale,
      bottom: count(copy.height, (k) => row(copy.height - 1 - k)) * scale,
      left: count(copy.width, (k) => column(k)) * scale,
      right: count(copy.width, (k) => column(copy.width - 1 - k)) * scale,
    };
  });
}

/**
 * 'inside' when the drawn surface keeps clear of every edge of its canvas: a pixel or more at the
 * sides and top, and at the foot most of the bar (hover readout, Reset camera) that lies over it;
 * else the margins found, to say what was wrong.
 */
export async function surfaceInsideCanvas(page: Page, testId: string): Promise<string> {
  const m = await colouredMargins(page, testId);
  return m.top >= 1 && m.left >= 1 && m.right >= 1 && m.bottom >= 24 ? 'inside' : JSON.stringify(m);
}
