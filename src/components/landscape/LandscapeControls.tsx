import type { LandscapeConfig, LandscapeDirections, LandscapeView } from '../../engine/config';
import { LIMITS } from '../../engine/config';
import { useConfigStore } from '../../app/configStore';
import { NumberField, SelectField, SliderField } from '../fields';

const DIRECTIONS: { value: LandscapeDirections; label: string }[] = [
  { value: 'random', label: 'Random, filter-normalised (Li et al. 2018)' },
  { value: 'pca', label: 'Top-2 PCA of the trajectory' },
  { value: 'solutions', label: 'Plane through three solutions' },
];

const VIEWS: { value: LandscapeView; label: string }[] = [
  { value: 'surface', label: '3-D surface' },
  { value: 'contour', label: 'Contours' },
  { value: 'slice', label: '1-D: initial → now' },
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
        <button key={v.value} type="button" role="tab" aria-selected={view === v.value} className={view === v.value ? 'primary' : ''} data-testid={`landscape-view-${v.value}`} onClick={() => set('view', v.value)}>
          {compare && v.value === 'slice' ? '1-D: run A → run B' : v.label}
        </button>
      ))}
    </div>
  );
}

/** Directions, range, resolution, cadence and height scale of the surfaces. */
export function LandscapeControls({ settings }: { settings: LandscapeConfig }) {
  const planar = settings.view !== 'slice';
  return (
    <div className="landscape-controls">
      {planar && (
        <>
          <SelectField label="Directions" value={settings.directions} options={DIRECTIONS} testId="landscape-directions" onChange={(v) => set('directions', v)} />
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
            <label htmlFor="landscape-resolution">Resolution (after an 11×11 preview)</label>
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
        </>
      )}
      <NumberField
        label="Recompute every N steps (0: when training stops)"
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

export function landscapeSetOpen(open: boolean): void {
  set('open', open);
}
