import { useId, useLayoutEffect, useRef } from 'react';

interface SliderFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** How the value is printed beside the slider. */
  format?: (value: number) => string;
  hint?: string;
  testId?: string;
  disabled?: boolean;
}

/** A labelled range slider that shows its value. */
export function SliderField(props: SliderFieldProps) {
  const id = useId();
  const format = props.format ?? ((v: number) => String(v));
  return (
    <div className="field" title={props.hint}>
      <label htmlFor={id}>
        {props.label} <output>{format(props.value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabledReason?: string | null }[];
  onChange(value: T): void;
  testId?: string;
}

/** A labelled select; an option with a disabled reason is shown greyed with the reason. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} data-testid={props.testId} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} disabled={Boolean(option.disabledReason)} title={option.disabledReason ?? undefined}>
            {option.disabledReason ? `${option.label} — ${option.disabledReason}` : option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  testId?: string;
  hint?: string;
}

/**
 * A labelled number input; the store clamps whatever is typed. The input then shows the value the
 * store kept: typing the same out-of-range number twice clamps to the same value, which alone
 * would not redraw the input. An emptied field goes back to the value.
 */
export function NumberField(props: NumberFieldProps) {
  const id = useId();
  const latest = useRef(props.value);
  useLayoutEffect(() => {
    latest.current = props.value;
  }, [props.value]);
  const commit = (input: HTMLInputElement): void => {
    if (input.value.trim() !== '' && Number.isFinite(Number(input.value))) props.onChange(Number(input.value));
    // After the store's update has rendered (or not, when the clamped value is unchanged).
    requestAnimationFrame(() => {
      if (Number(input.value) !== latest.current || input.value.trim() === '') input.value = String(latest.current);
    });
  };
  return (
    <div className="field" title={props.hint}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        defaultValue={props.value}
        key={props.value}
        data-testid={props.testId}
        onBlur={(event) => commit(event.target)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.target as HTMLInputElement);
        }}
      />
    </div>
  );
}
