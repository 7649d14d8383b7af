import { type ReactNode, useId } from "react";
import { errorMessage } from "../trpc";
import { formatCount, useSubdivisionOptions } from "./shared";

/** The row of filters above a list (members, registrations). */
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

export function SubdivisionFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const subdivisions = useSubdivisionOptions();
  return (
    <SelectFilter
      label="Subdivision"
      value={value}
      anyLabel="Toutes"
      options={(subdivisions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      onChange={onChange}
    />
  );
}

/**
 * A page of a filtered list: its count (announced), the table with a hidden caption, and the
 * pager; or the error that kept it from loading.
 */
export function PagedTable({
  caption,
  query,
  total,
  countLabel,
  headers,
  children,
  offset,
  pageSize,
  onOffset,
}: {
  caption: string;
  query: { error: unknown; isPending: boolean };
  total: number;
  countLabel: (total: string) => string;
  headers: ReactNode;
  children: ReactNode;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}) {
  if (query.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(query.error)}
      </p>
    );
  return (
    <>
      <p className="muted" role="status">
        {query.isPending ? "Chargement…" : countLabel(formatCount(total))}
      </p>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>{headers}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      <Pager offset={offset} total={total} onChange={onOffset} size={pageSize} />
    </>
  );
}

export function Pager({
  offset,
  total,
  onChange,
  size,
}: {
  offset: number;
  total: number;
  onChange: (offset: number) => void;
  size: number;
}) {
  if (total <= size) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - size))}
      >
        Précédents
      </button>
      <span>
        {formatCount(offset + 1)}–{formatCount(Math.min(total, offset + size))} sur{" "}
        {formatCount(total)}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset + size >= total}
        onClick={() => onChange(offset + size)}
      >
        Suivants
      </button>
    </nav>
  );
}
