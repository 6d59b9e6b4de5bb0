import { useTrainingStore } from '../../app/trainingStore';
import { claimEvaluate, claimFormat } from '../../lessons/claimCheck';
import { claimNumbersOf } from '../../lessons/claimNumbers';
import type { ClaimRunNumbers, LessonClaim as Claim } from '../../lessons/claimTypes';

/**
 * A lesson's claim, and once training stands at or past the lesson's length T, whether it held
 * on this run, with every number it looked at. Checked only while training is stopped, on the
 * numbers the views show.
 */
export function LessonClaim({ claim, total, changed }: { claim: Claim; total: number; changed: boolean }) {
  const stoppedAt = useTrainingStore((s) => (!s.playing && s.step >= total ? s.step : null));
  const runs = useTrainingStore((s) => s.runs);
  const points = useTrainingStore((s) => s.points);
  const numbers = stoppedAt === null ? null : runs.map((r) => claimNumbersOf(r, points));
  // Every run's numbers must be those of the step training stopped at (a diverged run's stop early).
  const complete = numbers?.every((n): n is ClaimRunNumbers => n !== null && (n.step === stoppedAt || n.diverged)) ? (numbers as ClaimRunNumbers[]) : null;
  const result = complete ? claimEvaluate(claim, complete) : null;
  return (
    <div className="lesson-claim" data-testid="lesson-claim">
      <p>
        <strong>The claim: </strong>
        <span data-testid="lesson-claim-text">{claim.text}</span>
      </p>
      {result === null ? (
        <p className="note" data-testid="lesson-claim-pending">
          Checked on this run when it reaches T = {total.toLocaleString('en')}.
        </p>
      ) : (
        <div data-testid="lesson-claim-verdict" data-held={String(result.held)}>
          <p className={result.held ? 'claim-held' : 'claim-failed'}>
            {result.held ? '✓ It held on this run' : '✗ It did not hold on this run'} at step {stoppedAt!.toLocaleString('en')}
            {stoppedAt! > total && ` (past T = ${total.toLocaleString('en')})`}
            {changed && ', with settings changed from the lesson’s'}.
            {result.missing && ` ${result.missing}.`}
          </p>
          {result.numbers.length > 0 && (
            <table className="claim-numbers" data-testid="lesson-claim-numbers">
              <thead>
                <tr>
                  <th scope="col">number</th>
                  <th scope="col">on this run</th>
                  <th scope="col">claimed</th>
                </tr>
              </thead>
              <tbody>
                {result.numbers.map((n) => (
                  <tr key={n.label} data-ok={String(n.ok)}>
                    <td>{n.label}</td>
                    <td>{claimFormat(n.value)}</td>
                    <td>
                      {n.wanted} {n.ok ? '✓' : '✗'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
