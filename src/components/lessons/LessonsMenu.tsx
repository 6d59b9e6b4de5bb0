import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { LESSONS } from '../../lessons/registry';
import { useBoxSize } from '../layout/useBoxSize';
import { fitAtWord } from './fitAtWord';

/** Keys that move a closed select's choice without opening it: they must not load a lesson. */
const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The Lessons menu: a native select, so it works from the keyboard and with screen readers as is.
 * A lesson replaces the user's experiment, so browsing the list with the arrow keys (or by typing
 * a letter) only marks a lesson; Enter, or choosing one with the mouse, opens it.
 */
function lessonTitle(id: string): string {
  const i = LESSONS.findIndex((lesson) => lesson.id === id);
  return i < 0 ? '' : `${i + 1}. ${LESSONS[i]!.title}`;
}

const PLACEHOLDER = 'Choose a lesson…';

/** The width of `text` in `font`, for fitting a title to the closed menu. */
function textWidth(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 8;
  context.font = font;
  return (text) => context.measureText(text).width;
}

/**
 * The closed menu's text, cut at a word with "…" where the header is too narrow for the whole
 * title (a native select would cut it mid-letter). It lies over the select's own text, on the
 * select's background, and lets clicks through (styles.css, .lessons-menu-current); the select's
 * tooltip holds the whole title.
 */
function ClosedText({ text }: { text: string }) {
  const [box, boxRef] = useBoxSize<HTMLSpanElement>();
  const [span, setSpan] = useState<HTMLSpanElement | null>(null);
  const ref = useCallback(
    (element: HTMLSpanElement | null) => {
      boxRef(element);
      setSpan(element);
    },
    [boxRef],
  );
  const shown = useMemo(() => {
    if (!box || !span || box.width <= 0) return text;
    const style = getComputedStyle(span);
    return fitAtWord(text, box.width, textWidth(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`));
  }, [text, box, span]);
  return (
    <span
      className="lessons-menu-current"
      aria-hidden="true"
      data-testid="lessons-menu-current"
      // Where not even the first word fits, the style sheet's "…" cuts it; the title holds it whole.
      title={text}
      ref={ref}
    >
      {shown}
    </span>
  );
}

export function LessonsMenu() {
  const id = useId();
  const lessonId = useClassroomStore((s) => s.lessonId);
  const openLesson = useClassroomStore((s) => s.openLesson);
  const [marked, setMarked] = useState<string | null>(null);
  // Set by a browsing key just before the change event it causes.
  const browsing = useRef(false);
  return (
    <span className="lessons-menu">
      <label htmlFor={id}>Lessons</label>
      <ClosedText text={marked !== null ? lessonTitle(marked) : lessonId !== null ? lessonTitle(lessonId) : PLACEHOLDER} />
      <select
        id={id}
        data-testid="lessons-menu"
        value={marked ?? lessonId ?? ''}
        // A long title is cut at a word in the closed menu (ClosedText); the tooltip holds it whole.
        title={lessonId === null ? 'Enter opens the marked lesson' : `${lessonTitle(lessonId)} — Enter opens the marked lesson`}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && marked !== null) {
            event.preventDefault();
            setMarked(null);
            openLesson(marked);
          } else if (BROWSING_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' ')) {
            browsing.current = true;
            setTimeout(() => (browsing.current = false), 0);
          }
        }}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === '') return;
          if (browsing.current) return setMarked(chosen);
          setMarked(null);
          openLesson(chosen);
        }}
        onBlur={() => setMarked(null)}
      >
        <option value="" disabled>
          {PLACEHOLDER}
        </option>
        {LESSONS.map((lesson, i) => (
          <option key={lesson.id} value={lesson.id} data-testid={`lesson-${lesson.id}`}>
            {i + 1}. {lesson.title}
          </option>
        ))}
      </select>
    </span>
  );
}
