import type { ReactNode } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { classroomHidden, classroomLocked, type ClassroomPanel } from '../../app/classroomUrl';

/**
 * Shows a control panel as the link asks: not at all (`hide=`), disabled with a note (`lock=`),
 * or as it is. A disabled fieldset disables every form control inside it, however deep.
 */
export function ControlGate({ panel, children }: { panel: ClassroomPanel; children: ReactNode }) {
  const hidden = useClassroomStore((s) => classroomHidden(s, panel));
  const locked = useClassroomStore((s) => classroomLocked(s, panel));
  if (hidden) return null;
  if (!locked) return <>{children}</>;
  return (
    <div className="locked" data-testid={`locked-${panel}`}>
      <fieldset disabled className="locked-fieldset">
        {children}
      </fieldset>
      <p className="locked-note">Locked by the teacher</p>
    </div>
  );
}

/** The settings column, unless the link hides it whole (`hide=controls`). */
export function ControlColumn({ children }: { children: ReactNode }) {
  const hidden = useClassroomStore((s) => s.hidden.includes('controls'));
  if (hidden) return null;
  return (
    <aside className="controls" aria-label="Experiment settings">
      {children}
    </aside>
  );
}
