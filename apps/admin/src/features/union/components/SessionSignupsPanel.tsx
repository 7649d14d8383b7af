import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SESSION_KIND_LABELS, type SessionKind } from "@tribune/domain/congress";
import { formatCount, formatNumber, formatSlot } from "@tribune/domain/format";
import { SIGNUP_STATUS_LABELS } from "@tribune/domain/union";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";
import { AddSignupByHand } from "./AddSignupByHand";
import { BulkCapacityForm } from "./BulkCapacityForm";
import { promotedNotice } from "./promoted";
import { SessionCapacityForm } from "./SessionCapacityForm";

/**
 * Organisers: the places of every workshop and toolbox — set in the table, row by row or in
 * bulk by kind and room — and a session's sign-up list (confirmed, then the waitlist in
 * order): adding someone by hand, taking someone off.
 */
export function SessionSignupsPanel({
  editionId,
  manager,
  readOnly = false,
}: {
  editionId: string;
  manager: boolean;
  /** An archived edition: the lists read, nothing changes (no places, no adding, no removing). */
  readOnly?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useQuery(trpc.signup.overview.queryOptions({ editionId }));
  const list = useQuery(
    trpc.signup.list.queryOptions(open && manager ? { sessionId: open } : skipToken),
  );
  const remove = useMutation(
    trpc.signup.remove.mutationOptions({
      onSuccess: ({ promoted }) => {
        setNotice(`Désinscription enregistrée.${promotedNotice(promoted.length)}`);
        return queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
      },
    }),
  );

  return (
    <details className="card" open>
      <summary>Ateliers et boîtes à outils : places et inscrits</summary>
      {!readOnly && <BulkCapacityForm editionId={editionId} onSaved={setNotice} />}
      {overview.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(overview.error)}
        </p>
      )}
      {overview.data?.length === 0 && (
        <EmptyState>
          Aucun atelier ni boîte à outils dans le programme de cette édition : les places se règlent
          ici une fois ces sessions ajoutées au programme.
        </EmptyState>
      )}
      {overview.data && overview.data.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Horaire</th>
                <th scope="col">Capacité</th>
                <th scope="col">Confirmés</th>
                <th scope="col">Liste d'attente</th>
                {manager && <th scope="col">Inscrits</th>}
              </tr>
            </thead>
            <tbody>
              {overview.data.map((s) => (
                <tr key={s.sessionId}>
                  <td>
                    {s.title}
                    <span className="muted small">
                      {" "}
                      · {SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind}
                    </span>
                  </td>
                  <td>{formatSlot(s.startsAt, s.endsAt)}</td>
                  <td>
                    {!readOnly ? (
                      <SessionCapacityForm
                        key={`${s.sessionId}-${s.capacity}`}
                        sessionId={s.sessionId}
                        title={s.title}
                        capacity={s.capacity}
                        onSaved={setNotice}
                      />
                    ) : s.capacity === null ? (
                      <span className="muted">inconnue</span>
                    ) : (
                      formatNumber(s.capacity)
                    )}
                    {!readOnly && s.capacity === null && (
                      <span className="muted small"> inconnue : à renseigner</span>
                    )}
                  </td>
                  <td>{formatNumber(s.confirmed)}</td>
                  <td>{formatNumber(s.waitlisted)}</td>
                  {manager && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-expanded={open === s.sessionId}
                        onClick={() => setOpen(open === s.sessionId ? null : s.sessionId)}
                      >
                        {open === s.sessionId ? "Masquer" : "Voir"}
                        <span className="visually-hidden"> les inscrits de {s.title}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {remove.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(remove.error)}
        </p>
      )}
      {open && list.data && (
        <section aria-label={`Inscrits à ${list.data.places.title}`}>
          <div className="signup-session__header">
            <h3>{list.data.places.title}</h3>
            <p className="muted">
              {list.data.places.capacity === null
                ? "Capacité inconnue"
                : formatCount(list.data.places.capacity, "place", "places")}
            </p>
          </div>
          {!readOnly && (
            <AddSignupByHand
              key={open}
              editionId={editionId}
              sessionId={open}
              title={list.data.places.title}
              onAdded={setNotice}
            />
          )}
          {list.data.items.length === 0 ? (
            <EmptyState>
              Personne n'est inscrit à cette session
              {readOnly
                ? "."
                : " : les inscrit·es y prennent une place depuis leur espace, ou ajoutez quelqu'un avec « Ajouter à la main » ci-dessus."}
            </EmptyState>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Code</th>
                  <th scope="col">Statut</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.firstName} {i.lastName}
                    </td>
                    <td className="mono">{i.code}</td>
                    <td>
                      {SIGNUP_STATUS_LABELS[i.status]}
                      {i.waitlistPosition !== null && (
                        <span className="muted small"> n° {i.waitlistPosition}</span>
                      )}
                    </td>
                    <td className="actions">
                      {!readOnly && i.status !== "cancelled" && (
                        <button
                          type="button"
                          className="button button--small button--ghost-danger"
                          disabled={remove.isPending}
                          onClick={() =>
                            remove.mutate({ registrationId: i.registrationId, sessionId: open })
                          }
                        >
                          Désinscrire
                          <span className="visually-hidden">
                            {" "}
                            {i.firstName} {i.lastName}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </details>
  );
}
