// Reading back what a canvas shows, in the browser.
import type { Page } from '@playwright/test';

/**
 * The share of the canvas drawn in colour (the viridis mesh), apart from the white background
 * and the grey floor grid: the 3-D view keeps its drawing buffer, so it can be read back.
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
