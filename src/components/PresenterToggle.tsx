import { useEffect } from 'react';
import { useClassroomStore } from '../app/classroomStore';

/**
 * Presenter mode: large type, high contrast and thicker lines for a projector. The `presenter`
 * class goes on the root element, so rem-based sizes and the colour variables follow it.
 */
export function PresenterToggle() {
  const presenter = useClassroomStore((s) => s.presenter);
  const setPresenter = useClassroomStore((s) => s.setPresenter);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
  return (
    <button type="button" className="chip presenter-toggle" data-testid="presenter-toggle" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title="Large type and high contrast for a projector">
      Presenter
    </button>
  );
}
