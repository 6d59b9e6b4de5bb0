import { useCallback, useEffect, useState } from 'react';

export interface BoxSize {
  width: number;
  height: number;
}

/**
 * The content-box size of an element, kept up to date by a ResizeObserver: canvases that fill
 * a box of the layout draw at its size instead of a fixed one. Returns the size (null until
 * measured) and a callback ref for the element.
 */
export function useBoxSize<T extends HTMLElement>(): [BoxSize | null, (element: T | null) => void] {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState<BoxSize | null>(null);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((old) => (old && Math.abs(old.width - width) < 1 && Math.abs(old.height - height) < 1 ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const ref = useCallback((next: T | null) => setElement(next), []);
  return [size, ref];
}
