import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatNumber, formatTime } from "@tribune/domain/format";
import {
  type CheckInResult,
  normaliseRegistrationCode,
  type Registration,
  withinUndoWindow,
  YEAR_OF_TRAINING_LABELS,
} from "@tribune/domain/union";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ArchivedNotice } from "../../../ui/ArchivedNotice";
import { EmptyState } from "../../../ui/EmptyState";
import { useLiveCounts } from "../hooks/useLiveCounts";
import { StatusBadge, useSubdivisionOptions } from "../shared";
import "../registration.css";

type Outcome =
  | { kind: "welcome" | "already"; message: string; registration: Registration }
  | { kind: "error" | "undone"; message: string };

/**
 * The check-in desk, for a tablet at the entrance: one big search box (a name, an email, or the
 * code typed or scanned from the attendee's QR code), one tap to check in, live counters.
 */
export default function CheckInDeskPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const edition = useEdition();
  const editionId = edition.data?.id;
  const subdivisions = useSubdivisionOptions();
  const live = useLiveCounts(editionId);
  const searchId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // What was submitted: the box is cleared after a check-in only if it still holds that, so a
  // code scanned meanwhile is not lost.
  const submitted = useRef("");

  const results = useQuery(
    trpc.checkIn.search.queryOptions(
      editionId && deferred.length >= 2 ? { editionId, query: deferred } : skipToken,
      { staleTime: 0 },
    ),
  );
  const recent = useQuery(
    trpc.checkIn.recent.queryOptions(editionId ? { editionId, limit: 6 } : skipToken),
  );
  const onResult = (result: CheckInResult) => {
    setOutcome({
      kind: result.alreadyCheckedIn ? "already" : "welcome",
      message: result.message,
      registration: result.registration,
    });
    setQuery((current) => (current === submitted.current ? "" : current));
    inputRef.current?.focus();
    void queryClient.invalidateQueries({ queryKey: trpc.checkIn.pathKey() });
  };
  const onError = (error: unknown) => setOutcome({ kind: "error", message: errorMessage(error) });
  const byId = useMutation(trpc.checkIn.byId.mutationOptions({ onSuccess: onResult, onError }));
  const byCode = useMutation(trpc.checkIn.byCode.mutationOptions({ onSuccess: onResult, onError }));
  // A check-in taken back (the wrong person tapped): within a few minutes at the desk.
  const undo = useMutation(
    trpc.checkIn.undo.mutationOptions({
      onSuccess: (r) => {
        setOutcome({
          kind: "undone",
          message: `Arrivée de ${r.firstName} ${r.lastName} annulée : place toujours réservée.`,
        });
        inputRef.current?.focus();
        void queryClient.invalidateQueries({ queryKey: trpc.checkIn.pathKey() });
      },
      onError,
    }),
  );
  const undoButton = (r: Registration) =>
    !edition.readOnly &&
    withinUndoWindow(r.checkedInAt, new Date()) && (
      <button
        type="button"
        className="button button--small button--ghost-danger"
        disabled={undo.isPending}
        onClick={() => undo.mutate({ registrationId: r.id })}
      >
        Annuler l'arrivée
        <span className="visually-hidden">
          {" "}
          de {r.firstName} {r.lastName}
        </span>
      </button>
    );

  // The outcome banner fades back to the search after a while: the next person is waiting.
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 12_000);
    return () => clearTimeout(timer);
  }, [outcome]);

  if (edition.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(edition.error)}
      </p>
    );
  if (!editionId) return <p className="muted">Chargement…</p>;

  const counts = live.data;
  const arrived = counts?.totals.checkedIn ?? 0;
  const expected = counts?.totals.confirmed ?? 0;
  // An archived edition's desk is closed: it reads who came, records no arrival.
  const busy = byId.isPending || byCode.isPending || edition.readOnly;

  return (
    <section className="desk" aria-labelledby="desk-title">
      <div className="desk__main">
        <h1 id="desk-title">Accueil des congressistes</h1>
        <ArchivedNotice edition={edition.data} />
        <search>
          <form
            className="desk__search"
            onSubmit={(event) => {
              event.preventDefault();
              // A scanner types the code and Enter; a person may type it too.
              if (edition.readOnly) return;
              const code = normaliseRegistrationCode(query);
              submitted.current = query;
              if (code) {
                byCode.mutate({ editionId, code });
                return;
              }
              const only = results.data?.length === 1 ? results.data[0] : undefined;
              if (only && only.status === "registered") byId.mutate({ registrationId: only.id });
            }}
          >
            <label htmlFor={searchId} className="desk__label">
              Nom, e-mail ou code d'inscription
            </label>
            <input
              id={searchId}
              ref={inputRef}
              className="desk__input"
              type="search"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                // The next search starts: the last banner (« déjà enregistré·e ») is done with.
                setOutcome(null);
              }}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the desk exists to type into this box
              autoFocus
              placeholder="ex. Martin, lea.martin@…, K7QM-3XPA"
            />
          </form>
        </search>

        <div aria-live="assertive" className="desk__outcome-region">
          {outcome && (
            <p className={`desk__outcome desk__outcome--${outcome.kind}`}>
              <span className="desk__outcome-icon" aria-hidden="true">
                {outcome.kind === "welcome" ? "✓" : outcome.kind === "error" ? "✕" : "!"}
              </span>
              {outcome.message} {outcome.kind === "welcome" && undoButton(outcome.registration)}
            </p>
          )}
        </div>

        {deferred.length >= 2 && (
          <div className="desk__results">
            {results.error && (
              <p role="alert" className="notice notice--error">
                {errorMessage(results.error)}
              </p>
            )}
            {results.data?.length === 0 && (
              <div className="desk__empty">
                <EmptyState
                  clearLabel="Effacer la recherche"
                  onClear={() => {
                    setQuery("");
                    setOutcome(null);
                    inputRef.current?.focus();
                  }}
                >
                  Aucune inscription ne correspond à « {deferred} ». Essayez le nom seul, l'adresse
                  e-mail ou le code du billet.
                </EmptyState>
              </div>
            )}
            <ul className="desk__list">
              {(results.data ?? []).map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className={`desk__person desk__person--${r.status}`}
                    disabled={busy || r.status === "cancelled"}
                    onClick={() => {
                      submitted.current = query;
                      byId.mutate({ registrationId: r.id });
                    }}
                  >
                    <span className="desk__person-name">
                      {r.firstName} {r.lastName}
                    </span>
                    <span className="desk__person-meta">
                      {subdivisions.nameOf(r.subdivisionId)}
                      {r.yearOfTraining ? ` · ${YEAR_OF_TRAINING_LABELS[r.yearOfTraining]}` : ""} ·{" "}
                      {r.code}
                      {r.gala ? " · gala" : ""}
                    </span>
                    <StatusBadge status={r.status} />
                    <span className="desk__person-action">
                      {r.status === "registered"
                        ? "Enregistrer l'arrivée"
                        : r.status === "checked_in"
                          ? `Arrivé·e à ${r.checkedInAt ? formatTime(r.checkedInAt) : "—"}`
                          : r.status === "waitlisted"
                            ? `Liste d'attente (${r.waitlistPosition})`
                            : "Annulée"}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        {recent.data && recent.data.length > 0 && (
          <section aria-labelledby="recent-title" className="desk__recent">
            <h2 id="recent-title">Dernières arrivées</h2>
            <ol>
              {recent.data.map((r) => (
                <li key={r.id}>
                  <span className="desk__recent-time">
                    {r.checkedInAt ? formatTime(r.checkedInAt) : ""}
                  </span>{" "}
                  {r.firstName} {r.lastName}{" "}
                  <span className="muted">({subdivisions.nameOf(r.subdivisionId)})</span>{" "}
                  {undoButton(r)}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>

      <aside className="desk__counters" aria-labelledby="counters-title">
        <h2 id="counters-title">
          En direct{" "}
          <span className={`live-dot live-dot--${live.status}`}>
            <span className="visually-hidden">
              {live.status === "pending" ? "(connecté)" : "(connexion…)"}
            </span>
          </span>
        </h2>
        <p className="desk__big" aria-live="polite" aria-atomic="true">
          <strong data-testid="arrived-count">{formatNumber(arrived)}</strong>
          <span> arrivé·es sur {formatNumber(expected)} inscrit·es</span>
        </p>
        <div
          className="meter"
          role="progressbar"
          aria-label="Arrivées"
          aria-valuemin={0}
          aria-valuemax={expected || 1}
          aria-valuenow={arrived}
        >
          <div
            className="meter__bar"
            style={{ width: `${expected ? Math.min(100, (arrived / expected) * 100) : 0}%` }}
          />
        </div>
        {counts && (
          <p className="muted">
            {formatNumber(counts.totals.waitlisted)} en liste d'attente
            {counts.capacity !== null ? ` · capacité ${formatNumber(counts.capacity)}` : ""}
          </p>
        )}
        {live.error && (
          <p role="alert" className="notice notice--warning">
            Compteurs en direct interrompus : {live.error.message}
          </p>
        )}
        {counts && !counts.bySubdivision.some((s) => s.confirmed > 0 || s.checkedIn > 0) ? (
          <EmptyState>
            Aucune place confirmée pour l'instant : les arrivées par subdivision s'afficheront ici.
          </EmptyState>
        ) : (
          <table className="data desk__table">
            <caption className="visually-hidden">Arrivées par subdivision</caption>
            <thead>
              <tr>
                <th scope="col">Subdivision</th>
                <th scope="col" className="num">
                  Arrivé·es
                </th>
                <th scope="col" className="num">
                  Inscrit·es
                </th>
              </tr>
            </thead>
            <tbody>
              {(counts?.bySubdivision ?? [])
                .filter((s) => s.confirmed > 0 || s.checkedIn > 0)
                .map((s) => (
                  <tr key={s.subdivisionId}>
                    <th scope="row">{s.name}</th>
                    <td className="num">{formatNumber(s.checkedIn)}</td>
                    <td className="num">{formatNumber(s.confirmed)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </aside>
    </section>
  );
}
