// Bounding-box checks of a page's layout, run in the browser: horizontal overflow, text boxes that
// overlap or are cut off, formulas wider than their panel, HTML type smaller than a minimum.
// What is scrolled out of its own scroll box (the settings column, the dock) is left out: it is
// not on screen, and its scroll box clips it on purpose.
import type { Page } from '@playwright/test';

export interface TextBox {
  text: string;
  /** Where it sits, for the message: the nearest panel's label or class. */
  where: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LayoutReport {
  scrollWidth: number;
  viewportWidth: number;
  texts: number;
  overlaps: string[];
  cut: string[];
  formulas: string[];
  smallType: string[];
}

/** Runs in the page: every check at once, described in words for the failure message. */
export function layoutReport(page: Page, minFontPx: number): Promise<LayoutReport> {
  return page.evaluate((minFont) => {
    type Box = { text: string; where: string; left: number; top: number; right: number; bottom: number; source: number };
    const round = (n: number): number => Math.round(n);
    const describe = (el: Element): string => {
      const panel = el.closest('[aria-label], section, fieldset, header, [data-testid]');
      const name = panel?.getAttribute('aria-label') ?? panel?.getAttribute('data-testid') ?? panel?.tagName.toLowerCase() ?? 'page';
      return name;
    };
    type Rect = { left: number; top: number; right: number; bottom: number };
    const meet = (a: Rect, b: Rect): Rect => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
    /**
     * What the element's ancestors (and the element itself, for its own text) leave visible:
     * `all` by every clipping box, `hard` by those that cannot be scrolled (overflow hidden or
     * clip): text outside `hard` is cut, text outside `all` but inside `hard` is scrolled away.
     */
    const clipOf = (el: Element): Rect & { hard: Rect } => {
      let all: Rect = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      let hard: Rect = { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 };
      for (let a: Element | null = el; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const r = a.getBoundingClientRect();
        all = meet(all, r);
        if (!/auto|scroll/.test(style.overflowX + style.overflowY)) hard = meet(hard, r);
      }
      return { ...all, hard };
    };
    /** Text a person cannot see: visually hidden helpers, closed menus, invisible or transparent boxes. */
    const hidden = (el: Element): boolean => {
      // Inside a closed <details>, all but its summary is not shown (though it still has boxes).
      for (let d = el.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])') ?? null) {
        const summary = d.querySelector(':scope > summary');
        if (!summary?.contains(el)) return true;
      }
      for (let a: Element | null = el; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.visibility === 'hidden' || style.opacity === '0' || style.display === 'none') return true;
        if (style.clipPath !== 'none' && style.clipPath !== '') return true;
        if (style.position === 'absolute' && a.getBoundingClientRect().width <= 1) return true;
      }
      return false;
    };

    function* ancestors(el: Element): Generator<Element> {
      for (let a: Element | null = el; a; a = a.parentElement) yield a;
    }
    const boxes: Box[] = [];
    const cut: string[] = [];
    let source = 0;
    const add = (el: Element, text: string, r: DOMRect): void => {
      if (r.width < 1 || r.height < 1) return;
      const clip = clipOf(el);
      const left = Math.max(r.left, clip.left);
      const right = Math.min(r.right, clip.right);
      const top = Math.max(r.top, clip.top);
      const bottom = Math.min(r.bottom, clip.bottom);
      // Cut: part of the text lies outside a box that clips it for good, or sideways outside a
      // scroll box on a line that is on screen. An ellipsis with the whole text in a title is meant.
      const ellipsis = [...ancestors(el)].some((a) => getComputedStyle(a).textOverflow === 'ellipsis') && el.closest('[title]') !== null;
      const h = clip.hard;
      const outsideHard = r.left < h.left - 1 || r.right > h.right + 1 || r.top < h.top - 1 || r.bottom > h.bottom + 1;
      const onScreen = right - left >= 1 && bottom - top >= 1;
      const sideways = onScreen && (r.left < clip.left - 1 || r.right > clip.right + 1);
      if (!ellipsis && (outsideHard || sideways)) cut.push(`"${text.slice(0, 40)}" in ${describe(el)}: ${round(r.left)},${round(r.top)}–${round(r.right)},${round(r.bottom)} outside ${round(h.left)},${round(h.top)}–${round(h.right)},${round(h.bottom)}`);
      if (!onScreen) return; // scrolled out of its box: not on screen
      boxes.push({ text, where: describe(el), left, top, right, bottom, source });
    };

    // HTML text, one box per line of each text node; SVG <text> as one box each; KaTeX as one box per formula.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (parent.closest('svg, .katex, option, select, script, style, noscript, title, textarea')) continue;
      if (hidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      source++; // the line boxes of one text node are one source: they never collide with each other
      for (const r of range.getClientRects()) add(parent, text, r);
    }
    for (const el of document.querySelectorAll('svg text')) {
      const text = el.textContent?.trim() ?? '';
      if (!text || el.closest('title') || hidden(el)) continue;
      // A <text> with <tspan>s is measured whole; its tspans are not separate labels.
      if (el.parentElement?.closest('text')) continue;
      source++;
      add(el, text, el.getBoundingClientRect());
    }
    const formulas: string[] = [];
    for (const host of document.querySelectorAll('.formula')) {
      if (hidden(host)) continue;
      const pieces = [...host.querySelectorAll('.katex-html > .base, .katex-html > .tag')].map((p) => p.getBoundingClientRect());
      if (pieces.length === 0) continue;
      const box = new DOMRect(Math.min(...pieces.map((p) => p.left)), Math.min(...pieces.map((p) => p.top)), 0, 0);
      const right = Math.max(...pieces.map((p) => p.right));
      const bottom = Math.max(...pieces.map((p) => p.bottom));
      const panel = host.closest('fieldset, section, details') ?? host.parentElement!;
      const p = panel.getBoundingClientRect();
      if (box.left < p.left - 0.5 || right > p.right + 0.5) formulas.push(`${host.getAttribute('data-testid') ?? 'formula'} (${host.getAttribute('data-tex')?.slice(0, 30)}…): ${round(box.left)}–${round(right)} outside its panel ${round(p.left)}–${round(p.right)}`);
      source++;
      add(host, `formula ${host.getAttribute('data-testid') ?? ''}`, new DOMRect(box.left, box.top, right - box.left, bottom - box.top));
    }

    // Two boxes overlap when they share more than a sliver (line boxes of adjacent lines touch).
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.source === b.source) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 3) overlaps.push(`"${a.text.slice(0, 30)}" (${a.where}) overlaps "${b.text.slice(0, 30)}" (${b.where}) by ${round(w)}×${round(h)} px`);
      }
    }

    const smallType: string[] = [];
    if (minFont > 0) {
      const seen = new Set<Element>();
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const parent = node.parentElement;
        if (!parent || seen.has(parent) || !node.textContent?.trim()) continue;
        seen.add(parent);
        if (parent.closest('svg, .katex, .formula, option, script, style, noscript, title') || hidden(parent)) continue;
        const r = parent.getBoundingClientRect();
        const clip = clipOf(parent);
        if (r.bottom <= clip.top || r.top >= clip.bottom || r.width < 1) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < minFont - 0.5) smallType.push(`"${node.textContent.trim().slice(0, 30)}" (${describe(parent)}) at ${size}px`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewportWidth: innerWidth, texts: boxes.length, overlaps, cut, formulas, smallType };
  }, minFontPx);
}

/** The element's box, and whether it lies wholly inside the viewport. */
export async function insideViewport(page: Page, testId: string): Promise<{ box: { x: number; y: number; width: number; height: number } | null; inside: boolean }> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const viewport = page.viewportSize()!;
  const inside = box !== null && box.width > 0 && box.height > 0 && box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5;
  return { box, inside };
}

/** The two screens every view is checked at: a 1366×768 laptop and a 1920×1080 projector. */
export const CHECKED_SCREENS = [
  [1366, 768],
  [1920, 1080],
] as const;

/** Runs `check` at each checked screen size, once the page has laid itself out at that size. */
export async function atEachScreen(page: Page, check: (width: number, height: number) => Promise<void>): Promise<void> {
  for (const [width, height] of CHECKED_SCREENS) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await check(width, height);
  }
}

/**
 * Selects on screen whose chosen option's text is wider than the room the closed menu gives it
 * (its width less padding and the arrow), which Chromium cuts without "…". A select with a text
 * of its own laid over it (a sibling marked `data-select-overlay`, or the lessons menu's title) is left out: that text is
 * checked as HTML text.
 */
export function cutSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ARROW_PX = 18; // Chromium's drop-down arrow and its margin, inside the padding box
    const context = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const select of document.querySelectorAll('select')) {
      const r = select.getBoundingClientRect();
      if (r.width < 1 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
      if (select.closest('details:not([open])') || getComputedStyle(select).visibility === 'hidden') continue;
      if (select.parentElement?.querySelector(':scope > :is([data-select-overlay], .lessons-menu-current)')) continue;
      const style = getComputedStyle(select);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent?.trim() ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW_PX;
      const need = context.measureText(text).width;
      if (need > room + 0.5) out.push(`"${text}" (${select.getAttribute('data-testid') ?? select.getAttribute('aria-label') ?? 'select'}) needs ${Math.round(need)} px, has ${Math.round(room)}`);
    }
    return out;
  });
}
