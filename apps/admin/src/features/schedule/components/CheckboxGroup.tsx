import { useId } from "react";
import { EmptyState } from "../../../ui/EmptyState";

interface Props<T extends string> {
  legend: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange(value: T[]): void;
  error?: string | undefined;
  hint?: string;
  /** Shown when there is nothing to choose from. */
  empty?: string;
  disabled?: boolean;
}

/** A fieldset of checkboxes holding an array of values, with its error under the legend. */
export function CheckboxGroup<T extends string>(props: Props<T>) {
  const { legend, options, value, onChange, error, hint, empty, disabled } = props;
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  const toggle = (option: T, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset
      className="checkbox-group"
      aria-describedby={describedBy || undefined}
      aria-invalid={!!error}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      {options.length === 0 && empty && <EmptyState>{empty}</EmptyState>}
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
