import { useId, useRef, useState } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { LESSONS } from '../../lessons/registry';

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
      <select
        id={id}
        data-testid="lessons-menu"
        value={marked ?? lessonId ?? ''}
        // The header cuts a long title to the menu's width; the tooltip holds it whole.
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
          Choose a lesson…
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
