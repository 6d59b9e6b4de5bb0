import { useConfigStore } from '../../app/configStore';
import type { ViewMode } from '../../engine/projection';
import type { DataPoints } from '../../workers/protocol';
import { SelectField } from '../fields';

const MODE_LABELS: Record<ViewMode, string> = {
  features: 'two features (others at their mean)',
  pca: 'PCA: the top two principal components',
};

/**
 * Which plane of a dataset with more than two features the boundary is drawn on. Changing it
 * redraws the boundary on the new plane; training goes on.
 */
export function BoundaryViewControls({ points }: { points: DataPoints }) {
  const update = useConfigStore((s) => s.update);
  const view = points.view;
  const features = points.featureNames.map((name, i) => ({ value: String(i), label: name }));
  const set = (change: Partial<typeof view>) =>
    update((c) => {
      c.data.view = { ...view, ...change };
    });
  return (
    <div className="boundary-view" data-testid="boundary-view">
      <SelectField<ViewMode>
        label={`Plane (${points.features} features)`}
        value={view.mode}
        testId="view-mode"
        options={(['features', 'pca'] as const).map((mode) => ({ value: mode, label: MODE_LABELS[mode] }))}
        onChange={(mode) => set({ mode })}
      />
      {view.mode === 'features' && (
        <>
          <SelectField<string> label="Across" value={String(view.x)} testId="view-x" options={features} onChange={(x) => set({ x: Number(x) })} />
          <SelectField<string> label="Up" value={String(view.y)} testId="view-y" options={features} onChange={(y) => set({ y: Number(y) })} />
        </>
      )}
      <p className="note field-note">
        {view.mode === 'pca'
          ? 'The boundary on the plane of the two directions of most spread in the training data; points shown at their projection onto it.'
          : 'The boundary where every other feature is at its mean (0, as features are standardised); points shown at their two chosen features.'}
      </p>
    </div>
  );
}
