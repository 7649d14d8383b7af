import { SESSION_KIND_LABELS, type SessionKind } from "@tribune/domain/congress";
import { formatCount } from "@tribune/domain/format";
import { useId } from "react";
import { isFiltered, NO_FILTER, type ProgrammeFilter } from "./filterProgramme";

/**
 * Search box and filters of the public programme: words (title, speaker, partner…), kind of
 * session, room. Says how many sessions match, for screen readers too.
 */
export function ProgrammeFilters({
  filter,
  onChange,
  kinds,
  rooms,
  shown,
}: {
  filter: ProgrammeFilter;
  onChange: (filter: ProgrammeFilter) => void;
  kinds: SessionKind[];
  rooms: string[];
  shown: number;
}) {
  const id = useId();
  return (
    <search className="programme-filters" aria-label="Recherche et filtres du programme">
      <div className="programme-filters__search">
        <label htmlFor={`${id}-text`}>Rechercher une session</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          placeholder="Titre, intervenant·e, partenaire…"
          enterKeyHint="search"
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      <div className="programme-filters__row">
        <div>
          <label htmlFor={`${id}-kind`}>Type</label>
          <select
            id={`${id}-kind`}
            value={filter.kind}
            onChange={(e) => onChange({ ...filter, kind: e.target.value as SessionKind | "" })}
          >
            <option value="">Tous les types</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {SESSION_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-room`}>Espace</label>
          <select
            id={`${id}-room`}
            value={filter.room}
            onChange={(e) => onChange({ ...filter, room: e.target.value })}
          >
            <option value="">Tous les espaces</option>
            {rooms.map((room) => (
              <option key={room} value={room}>
                {room}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="programme-filters__result">
        <p role="status">
          {isFiltered(filter)
            ? formatCount(shown, "session correspond", "sessions correspondent")
            : formatCount(shown, "session", "sessions")}
        </p>
        {isFiltered(filter) && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange(NO_FILTER)}
          >
            Effacer la recherche
          </button>
        )}
      </div>
    </search>
  );
}
