import { useState } from 'react';

/** An edge of the network view: the weight from neuron `from` of layer `layer` to neuron `to` of the next. */
export interface EdgeRef {
  layer: number;
  from: number;
  to: number;
  /** Its index in the flat weights. */
  index: number;
}

/** A small form for a new value of one weight; a value that is not a finite number is refused, saying so. */
export function WeightEditor({ edge, current, onSet, onCancel }: { edge: EdgeRef; current: number; onSet(value: number): void; onCancel(): void }) {
  const [text, setText] = useState(String(Number(current.toPrecision(6))));
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) return setError(`“${text}” is not a number`);
    onSet(value);
  };
  return (
    <form
      className="weight-editor"
      data-testid="weight-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label>
        weight {edge.layer}:{edge.from + 1}→{edge.to + 1}{' '}
        <input autoFocus type="text" inputMode="decimal" value={text} data-testid="weight-input" onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} />
      </label>
      <button type="submit" data-testid="weight-set">
        Set
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span className="note error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
