import type { CalibrationReport } from '../../engine/metrics/calibration';
import { formatMetric } from './format';

interface Row {
  key: 'ece' | 'mce' | 'brier' | 'nll' | 'accuracy';
  label: string;
  hint: string;
}

const ROWS: readonly Row[] = [
  { key: 'ece', label: 'ECE', hint: 'Σ_b (|B_b|/n)·|acc_b − conf_b|' },
  { key: 'mce', label: 'MCE', hint: 'max_b |acc_b − conf_b|' },
  { key: 'brier', label: 'Brier', hint: 'mean Σ_k (p_k − e_k)²' },
  { key: 'nll', label: 'NLL', hint: 'mean −log p_y' },
  { key: 'accuracy', label: 'accuracy', hint: 'fraction predicted correctly' },
];

/**
 * The test split's calibration numbers at T = 1 and, when temperature scaling is shown, at T = T*.
 * Test ids: `ece`, `mce`, `brier`, `nll`, `accuracy`, and the same with `-scaled`.
 */
export function CalibrationNumbers({ before, after }: { before: CalibrationReport | null; after: CalibrationReport | null | undefined }) {
  const showAfter = after !== undefined;
  return (
    <table className="calibration-numbers">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">T = 1</th>
          {showAfter && <th scope="col">T = T*</th>}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.key} title={row.hint}>
            <th scope="row">{row.label}</th>
            <td data-testid={row.key}>{formatMetric(before?.[row.key])}</td>
            {showAfter && <td data-testid={`${row.key}-scaled`}>{formatMetric(after?.[row.key])}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
