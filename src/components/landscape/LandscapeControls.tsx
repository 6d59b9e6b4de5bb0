import type { LandscapeConfig, LandscapeDirections, LandscapeView } from '../../engine/config';
import { LIMITS } from '../../engine/config';
import { useConfigStore } from '../../app/configStore';
import { NumberField, SelectField, SliderField } from '../fields';
import { landscapeSetOpen } from './landscapeOpen';

// Short labels: the menu sits in the settings column; the caption under the surface says more.
const DIRECTIONS: { value: LandscapeDirections; label: string }[] = [
  { value: 'random', label: 'Random (filter-normalised)' },
  { value: 'pca', label: 'PCA of the path' },
  { value: 'solutions', label: 'Three solutions' },
];
const DIRECTIONS_HINT = 'Random: two filter-normalised random directions (Li et al. 2018). PCA: the top two principal directions of the trajectory. Three solutions: the plane through the initial, a middle and the current weights.';

// Short tab labels (the panel's header is one line); the title says what each view is.
const VIEWS: { value: LandscapeView; label: string; title: string }[] = [
  { value: 'surface', label: '3-D', title: 'The loss surface in 3-D with the optimizer’s path' },
  { value: 'contour', label: 'Contours', title: 'The same grid as filled contours in the (α, β) plane' },
  { value: 'slice', label: '1-D', title: 'The loss along the straight line from the initial weights to now' },
];

const RESOLUTIONS = [11, 21, 31, 41, 51, 71, 101] as const;

function set<K extends keyof LandscapeConfig>(key: K, value: LandscapeConfig[K]): void {
  useConfigStore.getState().update((draft) => {
    draft.landscape[key] = value;
  });
}

/** The view switch, shown above the picture. */
export function LandscapeViewTabs({ view, compare = false }: { view: LandscapeView; compare?: boolean }) {
  return (
    <div className="landscape-tabs" role="tablist" aria-label="Landscape view">
      {VIEWS.map((v) => (
        <button key={v.value} type="button" role="tab" aria-selected={view === v.value} className={view === v.value ? 'primary' : ''} title={compare && v.value === 'slice' ? 'The loss along the straight line from run A’s weights to another run’s' : v.title} data-testid={`landscape-view-${v.value}`} onClick={() => set('view', v.value)}>
          {compare && v.value === 'slice' ? '1-D: A → B' : v.label}
        </button>
      ))}
    </div>
  );
}

/** Directions, range, resolution, cadence and height scale of the surfaces. */
export function LandscapeControls({ settings }: { settings: LandscapeConfig }) {
  const planar = settings.view !== 'slice';
  const comparing = useConfigStore((s) => s.config.compare.runs.length > 0);
  return (
    <div className="landscape-controls">
      {planar && (
        <>
          <div title={DIRECTIONS_HINT}>
            <SelectField label="Directions" value={settings.directions} options={DIRECTIONS} testId="landscape-directions" onChange={(v) => set('directions', v)} />
          </div>
          {settings.directions === 'random' && (
            <label className="check" title="Off (the default, as in Li et al.): biases stay put. On: each unit's bias moves with its weights, filter-normalised together.">
              <input type="checkbox" checked={settings.keepBias} data-testid="landscape-keep-bias" onChange={(e) => set('keepBias', e.target.checked)} /> perturb biases too
            </label>
          )}
          <SliderField
            label={settings.directions === 'random' ? 'Range ±' : 'Zoom ×'}
            value={settings.range}
            min={LIMITS.landscapeRange.min}
            max={2}
            step={0.05}
            format={(v) => v.toFixed(2)}
            testId="landscape-range"
            hint={settings.directions === 'random' ? 'α and β run from −range to +range (1 = a step the size of each filter).' : 'The grid covers the path with a margin, times this factor.'}
            onChange={(v) => set('range', v)}
          />
          <div className="field">
            <label htmlFor="landscape-resolution" title="After an 11×11 preview">
              Resolution
            </label>
            <select id="landscape-resolution" value={settings.resolution} data-testid="landscape-resolution" onChange={(e) => set('resolution', Number(e.target.value))}>
              {RESOLUTIONS.map((r) => (
                <option key={r} value={r}>
                  {r}×{r}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" checked={settings.logHeight} data-testid="landscape-log" onChange={(e) => set('logHeight', e.target.checked)} /> log height
          </label>
          {comparing && (
            <label className="check" title="Off: one height and colour scale for every run, so equal heights are equal losses. On: each run fills its own, so runs whose losses differ in scale still show their shape.">
              <input type="checkbox" checked={settings.ownScale} data-testid="landscape-own-scale" onChange={(e) => set('ownScale', e.target.checked)} /> each run its own scale
            </label>
          )}
        </>
      )}
      <NumberField
        label="Recompute every N steps"
        hint="0: only when training stops"
        value={settings.recomputeEvery}
        min={LIMITS.landscapeRecomputeEvery.min}
        max={LIMITS.landscapeRecomputeEvery.max}
        step={50}
        testId="landscape-every"
        onChange={(v) => set('recomputeEvery', v)}
      />
    </div>
  );
}

/** The landscape's settings in the settings column, and a switch to turn the surveying off. */
export function LandscapeSettings() {
  const settings = useConfigStore((s) => s.config.landscape);
  return (
    <fieldset className="panel">
      <legend>Landscape</legend>
      <label className="check" title="Surfaces are computed in their own worker beside training; off, the worker stays idle">
        <input type="checkbox" checked={settings.open} data-testid="landscape-on" onChange={(e) => landscapeSetOpen(e.target.checked)} /> compute the landscape
      </label>
      <LandscapeControls settings={settings} />
    </fieldset>
  );
}
