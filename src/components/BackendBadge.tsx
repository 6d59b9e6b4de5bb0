import { useTrainingStore } from '../app/trainingStore';

/** Says which tfjs backend trains, why, and what was passed over on the way. */
export function BackendBadge() {
  const backend = useTrainingStore((s) => s.backend);
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
  const failures = backend.failures.map((f) => `${f.backend}: ${f.message}`).join('\n');
  return (
    <span
      className={backend.failures.length > 0 && backend.reason.startsWith('chosen') ? 'badge badge-warn' : 'badge'}
      data-testid="backend-badge"
      data-backend={backend.name}
      role="status"
      title={failures ? `Passed over:\n${failures}` : backend.reason}
    >
      <strong>{backend.name}</strong> <span className="badge-reason">{backend.reason}</span>
    </span>
  );
}
