import { formatCount, formatNumber } from "@tribune/domain/format";
import { type ReactNode, useDeferredValue, useState } from "react";
import { errorMessage } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";
import { FilterBar, SearchFilter, SelectFilter } from "../../../ui/filters";
import { useSubdivisionOptions } from "../shared";

/**
 * A list's search text and page: typing goes back to the first page, and the list follows the
 * text (trimmed) once typing settles, not at every key.
 */
export function useSearchAndPage(initial = "") {
  const [search, setText] = useState(initial);
  const query = useDeferredValue(search.trim());
  const [offset, setOffset] = useState(0);
  const setSearch = (value: string) => {
    setText(value);
    setOffset(0);
  };
  return { search, setSearch, query, offset, setOffset };
}

/**
 * The filters above a list of people (members, registrations): the search, the subdivision
 * unless `subdivision` is left out (a representative sees their own one only), then the list's
 * own selects.
 */
export function PeopleFilterBar({
  search,
  searchPlaceholder,
  onSearch,
  subdivision,
  children,
}: {
  search: string;
  searchPlaceholder: string;
  onSearch: (value: string) => void;
  subdivision?: { value: string; onChange: (value: string) => void } | undefined;
  children: ReactNode;
}) {
  return (
    <FilterBar>
      <SearchFilter value={search} placeholder={searchPlaceholder} onChange={onSearch} />
      {subdivision && <SubdivisionFilter {...subdivision} />}
      {children}
    </FilterBar>
  );
}

function SubdivisionFilter({
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
 * pager; or the error that kept it from loading; or, when nothing is listed, `empty` (what is
 * empty and what to do) instead of a bare header.
 */
export function PagedTable({
  caption,
  query,
  total,
  counted,
  headers,
  empty,
  onClear,
  children,
  offset,
  pageSize,
  onOffset,
}: {
  caption: string;
  query: { error: unknown; isPending: boolean };
  total: number;
  /** What the count counts, singular (0 and 1) then plural: ["inscription", "inscriptions"]. */
  counted: readonly [singular: string, plural: string];
  headers: ReactNode;
  empty: ReactNode;
  /** Given when filters are on: the empty list offers to clear them. */
  onClear?: () => void;
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
        {query.isPending ? "Chargement…" : formatCount(total, ...counted)}
      </p>
      {!query.isPending && total === 0 ? (
        <EmptyState onClear={onClear}>{empty}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>{headers}</tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
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
        {formatNumber(offset + 1)}–{formatNumber(Math.min(total, offset + size))} sur{" "}
        {formatNumber(total)}
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
