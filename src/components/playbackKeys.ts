/** What a key press does to training: Space plays or pauses, "." takes a step. */
export type PlaybackKeyAction = 'toggle' | 'step';

/**
 * Elements where Space or "." already mean something (typing, pressing a button, ticking a box,
 * opening a menu, choosing a tab): there the keys keep their own meaning.
 */
const OWN_KEYS = 'input, textarea, select, button, summary, a[href], [contenteditable=""], [contenteditable="true"], [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="slider"], [role="spinbutton"], [role="textbox"], [role="combobox"]';

/**
 * Controls that a pointer click leaves focused and that Space would press again: a button, a
 * summary, a tick box. On one a click focused, Space is Play/Pause, as on the page; on one the
 * keyboard focused (Tab), Space presses it, as a keyboard user expects. Enter always presses it.
 * Text fields, menus and sliders keep Space however they were focused. (The browser's
 * :focus-visible cannot tell the two apart here: a key press makes any focused element match it.)
 */
export const PRESSABLE = 'button, summary, input[type="checkbox"], input[type="radio"], [role="button"], [role="tab"], [role="checkbox"], [role="radio"]';

type KeyTarget = { closest?: (selector: string) => unknown } | null;

/**
 * Follows which element a pointer press focused: the element focused within the same press, until
 * focus moves again. Returns the getter and a function that stops following.
 */
export function clickFocusTrack(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): { clicked(): EventTarget | null; stop(): void } {
  let pressing = false;
  let clicked: EventTarget | null = null;
  const down = (): void => void (pressing = true);
  const up = (): void => void (pressing = false);
  const focus = (event: Event): void => void (clicked = pressing ? event.target : null);
  target.addEventListener('pointerdown', down, true);
  target.addEventListener('pointerup', up, true);
  target.addEventListener('pointercancel', up, true);
  target.addEventListener('focusin', focus, true);
  return {
    clicked: () => clicked,
    stop: () => {
      target.removeEventListener('pointerdown', down, true);
      target.removeEventListener('pointerup', up, true);
      target.removeEventListener('pointercancel', up, true);
      target.removeEventListener('focusin', focus, true);
    },
  };
}

/** The training action for a keydown, or null when the key is not ours here. */
export function playbackKeyAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'repeat' | 'defaultPrevented' | 'target'>, clicked: unknown = null): PlaybackKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || event.defaultPrevented) return null;
  const action = event.key === ' ' ? 'toggle' : event.key === '.' ? 'step' : null;
  if (!action) return null;
  const target = event.target as KeyTarget;
  if (target && typeof target.closest === 'function' && target.closest(OWN_KEYS)) {
    // Only Space, only on a clicked control that is not a text field: "." stays ordinary there.
    if (action === 'toggle' && clicked === target && target.closest(PRESSABLE) === target) return action;
    return null;
  }
  return action;
}
