import { useId } from 'react';

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

/** A labelled number input; the store clamps whatever is typed. */
export function NumberField(props: NumberFieldProps) {
  const id = useId();
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
        onBlur={(event) => props.onChange(Number(event.target.value))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') props.onChange(Number((event.target as HTMLInputElement).value));
        }}
      />
    </div>
  );
}
