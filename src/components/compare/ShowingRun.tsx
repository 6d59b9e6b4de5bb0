import { useSelectedRunLabel } from '../../app/runLabelHooks';
import { runColour } from '../palette';

/**
 * In a comparison, a small caption for a view that shows one run at a time: "showing run
 * B · lr 100" (the run picked in the run tabs). Nothing when there is only one run.
 */
export function ShowingRun({ testId = 'showing-run' }: { testId?: string }) {
  const { label, index, compare } = useSelectedRunLabel();
  if (!compare) return null;
  return (
    <span className="note showing-run" data-testid={testId} data-run={index}>
      <span className="swatch" style={{ background: runColour(index) }} /> showing run {label.text}
    </span>
  );
}
