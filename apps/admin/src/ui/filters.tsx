import { type ReactNode, useId } from "react";
import "./filters.css";

/** The row of filters above a list (members, registrations, dossiers). */
export function FilterBar({ children }: { children: ReactNode }) {
  return <search className="filters">{children}</search>;
}

export function SearchFilter({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Rechercher</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A select's options: each value with its French label (a status, a year of training). */
export function labelledOptions<T extends string | number>(
  values: readonly T[],
  labels: Partial<Record<T, string>>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] ?? String(value) }));
}

/** A labelled select whose first option ("Toutes", "Tous"…) means no filter: the empty string. */
export function SelectFilter<T extends string | number>({
  label,
  value,
  anyLabel,
  options,
  onChange,
}: {
  label: string;
  value: T | "";
  anyLabel: string;
  options: readonly { value: T; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
