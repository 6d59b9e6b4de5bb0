/** What a key press does to training: Space plays or pauses, "." takes a step. */
export type PlaybackKeyAction = 'toggle' | 'step';

/**
 * Elements where Space or "." already mean something (typing, pressing a button, ticking a box,
 * opening a menu, choosing a tab): there the keys keep their own meaning.
 */
const OWN_KEYS = 'input, textarea, select, button, summary, a[href], [contenteditable=""], [contenteditable="true"], [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="slider"], [role="spinbutton"], [role="textbox"], [role="combobox"]';

/** The training action for a keydown, or null when the key is not ours here. */
export function playbackKeyAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'repeat' | 'defaultPrevented' | 'target'>): PlaybackKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || event.defaultPrevented) return null;
  const action = event.key === ' ' ? 'toggle' : event.key === '.' ? 'step' : null;
  if (!action) return null;
  const target = event.target as { closest?: (selector: string) => unknown } | null;
  if (target && typeof target.closest === 'function' && target.closest(OWN_KEYS)) return null;
  return action;
}
