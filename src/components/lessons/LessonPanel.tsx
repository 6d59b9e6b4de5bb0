import { useClassroomStore } from '../../app/classroomStore';
import { useConfigStore } from '../../app/configStore';
import { configToSearch } from '../../app/urlCodec';
import { lessonConfig, lessonFind } from '../../lessons/registry';
import { LessonClaim } from './LessonClaim';

/**
 * The open lesson: its setup, the question to answer before running, and (behind a disclosure)
 * what to look for. All of it is plain text from the lesson file, rendered as React text.
 */
export function LessonPanel() {
  const lessonId = useClassroomStore((s) => s.lessonId);
  const closeLesson = useClassroomStore((s) => s.closeLesson);
  const openLesson = useClassroomStore((s) => s.openLesson);
  const lesson = lessonId === null ? null : lessonFind(lessonId);
  const changed = useConfigStore((s) => lesson !== null && configToSearch(s.config) !== configToSearch(lessonConfig(lesson)));
  if (!lesson) return null;
  return (
    <section className="panel lesson-panel" data-testid="lesson-panel" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <h2 id="lesson-title" data-testid="lesson-title">
          {lesson.title}
        </h2>
        {changed && (
          <button type="button" className="link" data-testid="lesson-restore" onClick={() => openLesson(lesson.id)}>
            Restore the lesson’s settings
          </button>
        )}
        <button type="button" className="lesson-close" data-testid="lesson-close" aria-label="Close the lesson" onClick={closeLesson}>
          ×
        </button>
      </header>
      <p className="lesson-setup">{lesson.setup}</p>
      <p className="lesson-question" data-testid="lesson-question">
        <strong>Predict, then run: </strong>
        {lesson.question}
      </p>
      <LessonClaim claim={lesson.claim} total={lessonConfig(lesson).training.totalSteps} changed={changed} />
      {/* Keyed by lesson: a newly opened lesson starts with what to look for hidden. */}
      <details key={lesson.id} className="lesson-reveal" data-testid="lesson-reveal">
        <summary>Reveal what to look for</summary>
        {lesson.lookFor.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </details>
    </section>
  );
}
