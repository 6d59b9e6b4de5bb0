/** A canvas of `width`×`height` CSS pixels at `scale`×, filled white, its context scaled to CSS pixels. */
export function pictureCanvas(width: number, height: number, scale: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser gives no 2-D canvas to draw the picture on.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  return { canvas, context };
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded as PNG.'))), 'image/png');
  });
}

/**
 * A canvas chart (the decision boundary, the 3-D view) as a PNG at its own pixel size, on white.
 * A WebGL canvas keeps its pixels for this only when made with `preserveDrawingBuffer: true`,
 * as the landscape's renderer is.
 */
export function canvasToPng(source: HTMLCanvasElement): Promise<Blob> {
  const { canvas, context } = pictureCanvas(source.width, source.height, 1);
  context.drawImage(source, 0, 0);
  return canvasBlob(canvas);
}
