import { describe, expect, it } from 'vitest';
import { clickFocusTrack, playbackKeyAction } from './playbackKeys';

/** A stand-in for the focused element: which selectors it matches. */
function element(tag: string, type = '') {
  const matches = (selector: string): boolean => selector.split(', ').some((s) => s === tag || s === `${tag}[type="${type}"]`);
  const self = { closest: (selector: string): unknown => (matches(selector) ? self : null) };
  return self;
}

const key = (k: string, target: unknown) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, repeat: false, defaultPrevented: false, target: target as EventTarget });

describe('playbackKeyAction', () => {
  it('plays on Space and steps on "." on the page', () => {
    expect(playbackKeyAction(key(' ', element('main')))).toBe('toggle');
    expect(playbackKeyAction(key('.', element('main')))).toBe('step');
    expect(playbackKeyAction(key('a', element('main')))).toBeNull();
  });

  it('plays on Space on a button a click focused, but leaves a button the keyboard focused to Space', () => {
    const button = element('button');
    expect(playbackKeyAction(key(' ', button), button)).toBe('toggle');
    expect(playbackKeyAction(key(' ', button), null)).toBeNull();
    expect(playbackKeyAction(key(' ', button), element('button'))).toBeNull();
    const box = element('input', 'checkbox');
    expect(playbackKeyAction(key(' ', box), box)).toBe('toggle');
    // "." is not Step on a clicked button: only Space is taken over.
    expect(playbackKeyAction(key('.', button), button)).toBeNull();
  });

  it('leaves Space and "." to text fields and menus, however they were focused', () => {
    for (const field of [element('input'), element('select'), element('textarea'), element('input', 'number')]) {
      expect(playbackKeyAction(key(' ', field), field)).toBeNull();
      expect(playbackKeyAction(key('.', field), field)).toBeNull();
    }
  });

  it('ignores modified and repeated keys', () => {
    expect(playbackKeyAction({ ...key(' ', element('main')), ctrlKey: true })).toBeNull();
    expect(playbackKeyAction({ ...key(' ', element('main')), repeat: true })).toBeNull();
  });
});

describe('clickFocusTrack', () => {
  it('remembers the element a pointer press focused, and forgets it when the keyboard moves focus', () => {
    const listeners = new Map<string, (event: Event) => void>();
    const target = {
      addEventListener: (type: string, listener: (event: Event) => void) => void listeners.set(type, listener),
      removeEventListener: (type: string) => void listeners.delete(type),
    } as unknown as Window;
    const track = clickFocusTrack(target);
    const fire = (type: string, on: unknown = null): void => listeners.get(type)!({ target: on } as unknown as Event);
    const a = {};
    const b = {};
    fire('pointerdown');
    fire('focusin', a);
    fire('pointerup');
    expect(track.clicked()).toBe(a);
    fire('focusin', b); // Tab
    expect(track.clicked()).toBeNull();
    track.stop();
    expect(listeners.size).toBe(0);
  });
});
