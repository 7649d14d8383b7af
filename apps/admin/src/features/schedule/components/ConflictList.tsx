import type { Session } from "@tribune/domain/congress";
import { formatCongressDay } from "@tribune/domain/format";
import type { Conflict } from "@tribune/domain/schedule";

interface Props {
  conflicts: Conflict[];
  sessionsById: Map<string, Session>;
  /** Asked to show and focus this session on the grid. */
  onSelect(sessionId: string): void;
  /** The conflicts are not known yet (the programme is loading): say so, claim nothing. */
  loading?: boolean;
}

const pluralise = (n: number) => (n === 1 ? "1 conflit" : `${n} conflits`);

/** Every conflict of the edition, each a button that takes you to its (first) session. */
export function ConflictList({ conflicts, sessionsById, onSelect, loading = false }: Props) {
  return (
    <section className="panel conflicts" aria-labelledby="conflicts-title" aria-busy={loading}>
      <h2 id="conflicts-title">
        Conflits {!loading && <span className="conflicts__count">({conflicts.length})</span>}
      </h2>
      {loading ? (
        <p className="muted" role="status">
          Vérification des conflits…
        </p>
      ) : conflicts.length === 0 ? (
        <p className="conflicts__none">Aucun conflit : le programme est cohérent.</p>
      ) : (
        <>
          <p className="muted conflicts__summary">
            {pluralise(conflicts.length)} à résoudre. Cliquez pour aller à la session.
          </p>
          <ul className="conflicts__list">
            {conflicts.map((conflict, i) => {
              const first = sessionsById.get(conflict.sessionIds[0] as string);
              return (
                // Conflicts have no id; their order is stable for a given programme.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={i}>
                  <button
                    type="button"
                    className="conflicts__item"
                    onClick={() => onSelect(conflict.sessionIds[0] as string)}
                  >
                    <span aria-hidden="true">⚠ </span>
                    {first && (
                      <span className="conflicts__day">{formatCongressDay(first.startsAt)} · </span>
                    )}
                    {conflict.message}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
