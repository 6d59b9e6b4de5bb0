import { useSelectedRunState } from '../../app/selectedRunState';
import { useSelectedVariant } from '../../app/variantHooks';

/**
 * The L1/L2 penalty beside the loss (the curves show the data loss; training minimises their sum,
 * which the landscape shows). Nothing while regularization is off.
 */
export function PenaltyReadout() {
  const kind = useSelectedVariant((v) => v.training.regularization);
  const penalty = useSelectedRunState((r) => r.evaluation?.penalty ?? null);
  if (kind === 'none') return null;
  return (
    <>
      <dt>{kind === 'l1' ? 'L1' : 'L2'} penalty</dt>
      <dd data-testid="penalty" title="added to the loss in the objective training minimises">
        {penalty === null ? '—' : penalty.toFixed(4)}
      </dd>
    </>
  );
}
