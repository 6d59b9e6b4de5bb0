import { create } from 'zustand';
import { CLASSROOM_DEFAULT, type ClassroomState } from './classroomUrl';
import { useConfigStore } from './configStore';
import { lessonById, lessonConfig } from '../lessons/registry';

interface ClassroomStore extends ClassroomState {
  /** Replaces the whole state (from the URL). */
  load(state: ClassroomState): void;
  /** Opens a lesson: its config replaces the current one. */
  openLesson(id: string): void;
  closeLesson(): void;
  setPresenter(on: boolean): void;
}

/**
 * The classroom's state: the open lesson, presenter mode, hidden and locked panels. It is kept in
 * the URL by urlSync (see classroomUrl.ts), never in the experiment config.
 */
export const useClassroomStore = create<ClassroomStore>((set) => ({
  ...CLASSROOM_DEFAULT,
  load(state) {
    set({ ...state });
  },
  openLesson(id) {
    const lesson = lessonById(id);
    // The lesson first, so the config change that follows is written with it as one history entry.
    set({ lessonId: lesson.id });
    useConfigStore.getState().replace(lessonConfig(lesson));
  },
  closeLesson() {
    set({ lessonId: null });
  },
  setPresenter(on) {
    set({ presenter: on });
  },
}));
