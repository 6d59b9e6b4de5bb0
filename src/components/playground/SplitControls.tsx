import { useConfigStore } from '../../app/configStore';
import { LIMITS } from '../../engine/config';
import { SliderField } from '../fields';
import { useTrainingStore } from '../../app/trainingStore';
import { SPLIT_ROLE } from '../../workers/protocol';

/** TensorFlow Playground's ratio of training to test data; validation and test share the rest evenly. */
export function SplitControls() {
  const fraction = useConfigStore((s) => s.config.data.trainFraction);
  const update = useConfigStore((s) => s.update);
  const held = Math.round((100 * (1 - fraction)) / 2);
  const counts = useTrainingStore((s) => {
    const role = s.points?.role;
    if (!role) return null;
    const count = (r: number) => role.reduce((n, v) => n + (v === r ? 1 : 0), 0);
    return `${count(SPLIT_ROLE.train)} train · ${count(SPLIT_ROLE.validation)} validation · ${count(SPLIT_ROLE.test)} test`;
  });
  return (
    <>
      <SliderField
        label="Training data"
        value={fraction}
        {...LIMITS.trainFraction}
        step={0.05}
        testId="train-fraction"
        hint={`the share of the points that train; validation and test split the rest evenly (${held} % each)`}
        format={(v) => `${Math.round(100 * v)} %`}
        onChange={(value) => update((c) => void (c.data.trainFraction = value))}
      />
      {counts && (
        <p className="note field-note" data-testid="split-counts">
          {counts}
        </p>
      )}
    </>
  );
}
