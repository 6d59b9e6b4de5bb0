import { useTrainingStore } from '../app/trainingStore';
import { useLandscapeStore } from '../app/landscapeStore';
import { choiceDetail, landscapeChoiceText, trainingChoiceText } from '../app/backendChoiceText';

/** Says which tfjs backend trains and which computes the landscape, why, with the rates measured. */
export function BackendBadge() {
  const backend = useTrainingStore((s) => s.backend);
  const landscape = useLandscapeStore((s) => s.backend);
  const failed = useTrainingStore((s) => s.backendError);
  if (failed) {
    return (
      <span className="badge badge-error" data-testid="backend-badge" role="status">
        no backend: {failed}
      </span>
    );
  }
  if (!backend) {
    return (
      <span className="badge" data-testid="backend-badge" role="status">
        starting…
      </span>
    );
  }
  const detail = [choiceDetail(backend, 'steps'), landscape ? choiceDetail(landscape, 'surface') : ''].filter(Boolean).join('\n');
  // A measured choice speaks through its rates; a forced or fallback one says why inline.
  const measured = backend.choice?.source === 'measured' || backend.choice?.source === 'cached';
  return (
    <span
      className={backend.failures.length > 0 && backend.reason.startsWith('chosen') ? 'badge badge-warn' : 'badge'}
      data-testid="backend-badge"
      data-backend={backend.name}
      data-size-class={backend.choice?.sizeClass}
      data-landscape-backend={landscape?.name}
      data-landscape-strategy={landscape?.choice?.strategy ?? undefined}
      role="status"
      // The badge is cut to its width in the header: its title says it all.
      title={[trainingChoiceText(backend), measured ? '' : backend.reason, landscape ? landscapeChoiceText(landscape) : '', detail].filter(Boolean).join('\n')}
    >
      <strong>{trainingChoiceText(backend)}</strong>
      {measured ? null : <span className="badge-reason"> {backend.reason}</span>}
      {landscape ? <span data-testid="landscape-backend"> · {landscapeChoiceText(landscape)}</span> : null}
    </span>
  );
}
