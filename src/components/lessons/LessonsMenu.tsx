import { useId } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { LESSONS } from '../../lessons/registry';

/**
 * The Lessons menu: a native select, so it works from the keyboard (arrows, type-ahead) and with
 * screen readers as is. Choosing a lesson replaces the config with the lesson's.
 */
export function LessonsMenu() {
  const id = useId();
  const lessonId = useClassroomStore((s) => s.lessonId);
  const openLesson = useClassroomStore((s) => s.openLesson);
  return (
    <span className="lessons-menu">
      <label htmlFor={id}>Lessons</label>
      <select id={id} data-testid="lessons-menu" value={lessonId ?? ''} onChange={(event) => event.target.value !== '' && openLesson(event.target.value)}>
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
