import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';

/**
 * A TeX formula rendered by KaTeX. The TeX comes from the loss specs in the code, never from a
 * URL or a file; KaTeX builds DOM nodes and `trust` stays off.
 */
export function Formula({ tex, testId }: { tex: string; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { throwOnError: false, displayMode: true, trust: false });
  }, [tex]);
  return <span ref={ref} className="formula" data-testid={testId} data-tex={tex} />;
}
