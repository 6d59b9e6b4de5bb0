import type { ReactNode } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { classroomHidden } from '../../app/classroomUrl';
import { useConfigStore } from '../../app/configStore';
import { VIEW_IDS } from '../../engine/config';

/**
 * Whether the dock shows anything: an optional view is open, or runs are compared. Its views are
 * about classes (calibration, the loss shape, the comparison table): task 'preference' shows its
 * own numbers in the preference panel and has no dock.
 */
export function useDockOpen(): boolean {
  return useConfigStore((s) => s.config.task !== 'preference' && (s.config.compare.runs.length > 0 || s.config.model.kind === 'moe' || VIEW_IDS.some((id) => s.config.views[id])));
}

/**
 * The place for the views the user opens (loss shape, calibration, sharpness, gradients) and the
 * comparison: a strip of toggles under the core views and, while something is open, a body of
 * fixed height that scrolls on its own, so opening a view never pushes the core views off screen.
 */
export function Dock({ toggles, children }: { toggles: ReactNode; children: ReactNode }) {
  const open = useDockOpen();
  const togglesHidden = useClassroomStore((s) => classroomHidden(s, 'views'));
  const preference = useConfigStore((s) => s.config.task === 'preference');
  // Opened by a comparison alone (no view asked for): compact, the core views keep priority (styles.css).
  const compact = useConfigStore((s) => s.config.model.kind !== 'moe' && !VIEW_IDS.some((id) => s.config.views[id]));
  if (preference || (!open && togglesHidden)) return null;
  return (
    <section className={open ? (compact ? 'dock dock-open dock-compact' : 'dock dock-open') : 'dock'} aria-label="More views" data-testid="dock">
      <div className="dock-bar">
        <h2 className="dock-title">More views</h2>
        {toggles}
      </div>
      {open && (
        <div className="dock-body" data-testid="dock-body">
          {children}
        </div>
      )}
    </section>
  );
}
