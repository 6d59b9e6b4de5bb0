import { useId, useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { LIMITS } from '../../engine/config';
import { classColour } from '../palette';

interface AddPointControlsProps {
  classNames: readonly string[];
  selected: number;
  onSelect(label: number): void;
  /** Points added so far. */
  added: number;
}

/** Adds a point of `label` at (x, y) on the plane, rounded and clamped by the config. Training restarts on the new data. */
export function addedPointAppend(x: number, y: number, label: number): void {
  useConfigStore.getState().update((c) => {
    c.data.added = [...c.data.added, x, y, label];
  });
}

/**
 * The class a click on the plane adds (colour swatches), and a small form that adds a point by
 * its coordinates, for keyboards and screen readers.
 */
export function AddPointControls({ classNames, selected, onSelect, added }: AddPointControlsProps) {
  const name = useId();
  const [x, setX] = useState('0');
  const [y, setY] = useState('0');
  const full = added >= LIMITS.addedPoints.max;
  const { min, max } = LIMITS.addedCoordinate;
  return (
    <div className="add-points" data-testid="add-points">
      <p className="swatches-label" id={`${name}-label`}>
        Click on the plane to add a training point of class
      </p>
      <div className="swatches" role="radiogroup" aria-labelledby={`${name}-label`}>
        {classNames.map((className, k) => (
          <label key={k} className="add-swatch" title={className}>
            <input type="radio" name={name} checked={selected === k} data-testid={`add-class-${k}`} onChange={() => onSelect(k)} />
            <span className="add-swatch-colour" style={{ background: classColour(k) }} aria-hidden="true" />
            {className}
          </label>
        ))}
      </div>
      <form
        className="add-point-form"
        onSubmit={(event) => {
          event.preventDefault();
          const [px, py] = [Number(x), Number(y)];
          if (Number.isFinite(px) && Number.isFinite(py)) addedPointAppend(px, py, selected);
        }}
      >
        <label>
          x <input type="number" step="0.1" min={min} max={max} value={x} data-testid="add-x" onChange={(e) => setX(e.target.value)} />
        </label>
        <label>
          y <input type="number" step="0.1" min={min} max={max} value={y} data-testid="add-y" onChange={(e) => setY(e.target.value)} />
        </label>
        <button type="submit" disabled={full} data-testid="add-point">
          Add point
        </button>
        <button
          type="button"
          disabled={added === 0}
          data-testid="clear-added"
          onClick={() => useConfigStore.getState().update((c) => void (c.data.added = []))}
        >
          Clear {added > 0 ? added : ''} added
        </button>
      </form>
      {full && <p className="note field-note">At most {LIMITS.addedPoints.max} points can be added.</p>}
    </div>
  );
}
