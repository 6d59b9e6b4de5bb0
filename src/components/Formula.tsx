import type katex from 'katex';
import { useEffect, useRef } from 'react';
import { formulaFit } from './formulaFit';
import { formulaParts } from './formulaParts';
import { useBoxSize } from './layout/useBoxSize';

type Katex = typeof katex;
let katexLoading: Promise<Katex> | null = null;

/** KaTeX and its stylesheet, fetched with the first formula rather than with the page. */
function katexLoad(): Promise<Katex> {
  katexLoading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default);
  return katexLoading;
}

/**
 * A TeX formula rendered by KaTeX, one statement at a time (formulaParts.ts) so that it wraps
 * between them, and fitted to its panel (formulaFit.ts). The TeX comes from the loss specs in the
 * code, never from a URL or a file; KaTeX builds DOM nodes and `trust` stays off.
 */
export function Formula({ tex, testId }: { tex: string; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [box, boxRef] = useBoxSize<HTMLSpanElement>();
  useEffect(() => {
    let cancelled = false;
    void katexLoad().then((k) => {
      const host = ref.current;
      if (cancelled || !host) return;
      host.replaceChildren(
        ...formulaParts(tex).map((part) => {
          const span = document.createElement('span');
          span.className = 'formula-part';
          k.render(part, span, { throwOnError: false, displayMode: true, trust: false });
          return span;
        }),
      );
      // The TeX now shown (data-tex changes first, with the props): tests wait for the two to agree.
      host.dataset.rendered = tex;
      formulaFit(host);
      // KaTeX's fonts load once a formula first needs them, and change its width when they arrive.
      void document.fonts?.ready.then(() => {
        if (!cancelled && ref.current === host) formulaFit(host);
      });
    });
    return () => {
      cancelled = true;
    };
  }, [tex]);
  const width = box?.width ?? 0;
  useEffect(() => {
    if (ref.current?.dataset.rendered !== undefined && width > 0) formulaFit(ref.current);
  }, [width]);
  return (
    <span className="formula-box" ref={boxRef}>
      <span ref={ref} className="formula" data-testid={testId} data-tex={tex} />
    </span>
  );
}
