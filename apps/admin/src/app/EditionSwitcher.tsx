import { formatEditionDates } from "@tribune/domain/format";
import { useId } from "react";
import { useLocation, useNavigate } from "react-router";
import { searchWithYear, useEdition, useEditions } from "./edition";

/**
 * The header's edition band: the edition every page follows, picked here, and what it is. The
 * choice goes in the URL (?edition=2027), so a page can be bookmarked, shared or reloaded on
 * that edition; without it, pages open on the current edition (the API's rule).
 */
export function EditionSwitcher() {
  const id = useId();
  const editions = useEditions();
  const selected = useEdition();
  const location = useLocation();
  const navigate = useNavigate();
  if (!editions.data || editions.data.length === 0) return null;
  const value = selected.data?.year ?? selected.year ?? "";
  const known = editions.data.some((e) => e.year === value);
  const shown = selected.data;
  return (
    <div className="shell__edition">
      <label htmlFor={id}>Édition</label>
      <select
        id={id}
        value={known ? String(value) : ""}
        onChange={(event) =>
          navigate({
            pathname: location.pathname,
            search: searchWithYear(location.search, Number(event.target.value)),
          })
        }
      >
        {!known && (
          <option value="" disabled>
            {selected.year ? `${selected.year} (introuvable)` : "…"}
          </option>
        )}
        {editions.data.map((edition) => (
          <option key={edition.id} value={edition.year}>
            {edition.year} · {edition.status.label.toLowerCase()}
          </option>
        ))}
      </select>
      {shown && (
        <span className="shell__edition-summary">
          {shown.number}e congrès · {shown.city} ·{" "}
          {formatEditionDates(shown.firstDay, shown.lastDay)}
          {shown.status.readOnly && (
            <strong className="shell__edition-readonly"> · archivée, en lecture seule</strong>
          )}
        </span>
      )}
    </div>
  );
}
