import { useConfigStore } from '../app/configStore';
import { BINNINGS, LIMITS } from '../engine/config';
import type { CalibrationBinning } from '../engine/metrics/calibration';
import { NumberField, SelectField, SliderField } from './fields';

const BINNING_LABELS: Record<CalibrationBinning, string> = {
  'equal-width': 'equal-width',
  'equal-mass': 'equal-mass',
};

/** How often the training-time metrics are taken, and how calibration is binned. */
export function MetricsControls() {
  const metrics = useConfigStore((s) => s.config.metrics);
  const update = useConfigStore((s) => s.update);
  return (
    <fieldset className="panel">
      <legend>Metrics</legend>
      <NumberField
        label="Calibration every N steps"
        value={metrics.calibrationEvery}
        {...LIMITS.calibrationEvery}
        step={1}
        testId="calibration-every"
        onChange={(every) => update((c) => void (c.metrics.calibrationEvery = every))}
      />
      <SliderField
        label="Calibration bins"
        value={metrics.bins}
        {...LIMITS.bins}
        step={1}
        testId="calibration-bins"
        hint="Guo et al. 2017 use 15 equal-width bins"
        onChange={(bins) => update((c) => void (c.metrics.bins = bins))}
      />
      <SelectField<CalibrationBinning>
        label="Binning"
        value={metrics.binning}
        testId="calibration-binning"
        options={BINNINGS.map((b) => ({ value: b, label: BINNING_LABELS[b] }))}
        onChange={(binning) => update((c) => void (c.metrics.binning = binning))}
      />
      <NumberField
        label="Sharpness every N steps (0 = off)"
        value={metrics.sharpnessEvery}
        {...LIMITS.sharpnessEvery}
        step={1}
        testId="sharpness-every"
        hint="λ_max by power iteration on Hessian-vector products; it costs several gradient evaluations"
        onChange={(every) => update((c) => void (c.metrics.sharpnessEvery = every))}
      />
      <NumberField
        label="Telemetry every N steps"
        value={metrics.telemetryEvery}
        {...LIMITS.telemetryEvery}
        step={1}
        testId="telemetry-every"
        onChange={(every) => update((c) => void (c.metrics.telemetryEvery = every))}
      />
    </fieldset>
  );
}
