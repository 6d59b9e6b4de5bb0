import type { ReactNode } from 'react';
import { useClassroomStore } from '../../app/classroomStore';
import { classroomHidden, type ClassroomPanel } from '../../app/classroomUrl';

/**
 * One collapsible group of the settings column (a native <details>, so it opens and closes from
 * the keyboard as is). It disappears when a link hides every panel it holds (`hide=`); each panel
 * inside keeps its own ControlGate for `lock=`.
 */
export function SettingsGroup({ title, panels, open = true, testId, children }: { title: string; panels: readonly ClassroomPanel[]; open?: boolean; testId: string; children: ReactNode }) {
  const hidden = useClassroomStore((s) => panels.every((panel) => classroomHidden(s, panel)));
  if (hidden) return null;
  return (
    <details className="settings-group" open={open} data-testid={`settings-${testId}`}>
      <summary>{title}</summary>
      <div className="settings-group-body">{children}</div>
    </details>
  );
}
