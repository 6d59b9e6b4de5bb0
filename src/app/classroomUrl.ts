// The classroom's keys in the URL, both ways. Pure: no DOM, tested in Node.
//
// - `lesson=<id>`: the open lesson (see LESSONS). With no setting keys beside it the lesson's own
//   config is loaded; with setting keys, those are the config (the lesson's plus the student's
//   changes, written out in full, as any link), and `lesson` only says which lesson panel to show.
// - `presenter=1`: large type and high contrast for a projector.
// - `hide=<panel>,…`: control panels not shown at all; `lock=<panel>,…`: shown but disabled, with
//   a note that the teacher locked them. Panels: data, model, runs, loss, optimizer, metrics,
//   views; `controls` means the whole settings column.
// These live in the URL only, never in the experiment config, so a teacher hands out a link.
import { lessonFind } from '../lessons/registry';

export const CLASSROOM_PANELS = ['data', 'model', 'runs', 'loss', 'optimizer', 'metrics', 'views'] as const;
export type ClassroomPanel = (typeof CLASSROOM_PANELS)[number];
/** What `hide` and `lock` accept: a panel, or every panel of the settings column. */
export type ClassroomTarget = ClassroomPanel | 'controls';
const TARGETS: readonly string[] = [...CLASSROOM_PANELS, 'controls'];
/** The panels of the settings column (`views` sits in the toolbar). */
export const CONTROL_COLUMN: readonly ClassroomPanel[] = ['data', 'model', 'runs', 'loss', 'optimizer', 'metrics'];

export const CLASSROOM_KEYS = ['lesson', 'presenter', 'hide', 'lock'] as const;

export interface ClassroomState {
  lessonId: string | null;
  presenter: boolean;
  hidden: readonly ClassroomTarget[];
  locked: readonly ClassroomTarget[];
}

export const CLASSROOM_DEFAULT: ClassroomState = { lessonId: null, presenter: false, hidden: [], locked: [] };

/** Longest piece of a link repeated in a notice. */
const CLIP = 60;
const clip = (text: string): string => (text.length > CLIP ? `${text.slice(0, CLIP)}…` : text);

/** Reads the classroom keys of a query string; anything unusable is named in a notice. */
export function classroomParse(search: string): { state: ClassroomState; notices: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  // The last of a repeated key wins, as for every key of a link.
  for (const key of CLASSROOM_KEYS) {
    const count = params.getAll(key).length;
    if (count > 1) notices.push(`${key} is given ${count} times; the last is used`);
  }
  const get = (key: (typeof CLASSROOM_KEYS)[number]): string | null => params.getAll(key).at(-1) ?? null;
  let lessonId: string | null = null;
  const lesson = get('lesson');
  if (lesson !== null && lesson !== '') {
    if (lessonFind(lesson)) lessonId = lesson;
    else notices.push(`lesson "${clip(lesson)}" is not a lesson; none is open (the Lessons menu lists them)`);
  }
  const presenterText = get('presenter');
  let presenter = false;
  if (presenterText !== null) {
    if (['1', 'true', ''].includes(presenterText)) presenter = true;
    else if (!['0', 'false'].includes(presenterText)) notices.push(`presenter=${clip(presenterText)} is not 1 or 0; presenter mode is off`);
  }
  const list = (key: 'hide' | 'lock'): ClassroomTarget[] => {
    const text = get(key);
    if (text === null) return [];
    const targets: ClassroomTarget[] = [];
    for (const item of text.split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
      if (!TARGETS.includes(item)) notices.push(`${key}=${clip(item)} is not a panel (${TARGETS.join(', ')}); ignored`);
      else if (!targets.includes(item as ClassroomTarget)) targets.push(item as ClassroomTarget);
    }
    return targets;
  };
  return { state: { lessonId, presenter, hidden: list('hide'), locked: list('lock') }, notices };
}

/** The classroom's key–value pairs for a URL, in a fixed order; empty for the default state. */
export function classroomPairs(state: ClassroomState): [string, string][] {
  const pairs: [string, string][] = [];
  if (state.lessonId !== null) pairs.push(['lesson', state.lessonId]);
  if (state.presenter) pairs.push(['presenter', '1']);
  if (state.hidden.length > 0) pairs.push(['hide', state.hidden.join(',')]);
  if (state.locked.length > 0) pairs.push(['lock', state.locked.join(',')]);
  return pairs;
}

/** Whether a panel is hidden (by name, or with the whole column). */
export function classroomHidden(state: Pick<ClassroomState, 'hidden'>, panel: ClassroomPanel): boolean {
  return state.hidden.includes(panel) || (panel !== 'views' && state.hidden.includes('controls'));
}

/** Whether a panel is locked (by name, or with the whole column). */
export function classroomLocked(state: Pick<ClassroomState, 'locked'>, panel: ClassroomPanel): boolean {
  return state.locked.includes(panel) || (panel !== 'views' && state.locked.includes('controls'));
}
