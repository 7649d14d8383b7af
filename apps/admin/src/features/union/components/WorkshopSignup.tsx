import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SESSION_KIND_LABELS, type SessionKind } from "@tribune/domain/congress";
import { formatCongressSlot } from "@tribune/domain/format";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { newIdempotencyKey } from "../shared";

const placesText = (capacity: number | null, left: number | null, waitlisted: number) => {
  if (capacity === null || left === null) return "Capacité à venir";
  if (left === 0) return `Complet · ${waitlisted} en liste d'attente`;
  return left === 1 ? "1 place restante" : `${left} places restantes`;
};

/**
 * On the public confirmation page: the workshops and toolboxes, with places left, and a
 * button to sign up (or leave) with the registration code just received.
 */
export function WorkshopSignup({ code }: { code: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const options = useQuery(trpc.signup.options.queryOptions({ code }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
  const join = useMutation(
    trpc.signup.join.mutationOptions({
      onSuccess: (r) => {
        setNotice(
          r.status === "waitlisted"
            ? `« ${r.title} » est complet : vous êtes en liste d'attente (position ${r.waitlistPosition}).`
            : `Place confirmée à « ${r.title} ».`,
        );
        return refresh();
      },
    }),
  );
  const leave = useMutation(
    trpc.signup.leave.mutationOptions({
      onSuccess: (r) => {
        setNotice(`Désinscription de « ${r.title} » enregistrée.`);
        return refresh();
      },
    }),
  );
  const error = join.error ?? leave.error;
  const busy = join.isPending || leave.isPending;

  return (
    <section className="card workshops" aria-labelledby="workshops-title">
      <h2 id="workshops-title">Ateliers et boîtes à outils</h2>
      <p className="muted">
        Places limitées : inscrivez-vous aux sessions qui vous intéressent. Une seule place
        confirmée par créneau horaire.
      </p>
      {options.isPending && <p className="muted">Chargement…</p>}
      {options.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(options.error)}
        </p>
      )}
      {options.data && options.data.length === 0 && (
        <p className="muted">Aucun atelier ouvert aux inscriptions pour le moment.</p>
      )}
      {options.data && options.data.length > 0 && (
        <ul className="workshops__list">
          {options.data.map((s) => {
            const signedUp = s.status === "registered" || s.status === "waitlisted";
            return (
              <li key={s.sessionId} className="workshops__item">
                <div>
                  <strong>{s.title}</strong>
                  <p className="muted small">
                    {SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind} ·{" "}
                    {formatCongressSlot(s.startsAt, s.endsAt)} ·{" "}
                    {placesText(s.capacity, s.placesLeft, s.waitlisted)}
                  </p>
                  {s.status === "registered" && (
                    <p className="badge badge--registered">Place confirmée</p>
                  )}
                  {s.status === "waitlisted" && (
                    <p className="badge badge--waitlisted">
                      Liste d'attente, position {s.waitlistPosition}
                    </p>
                  )}
                </div>
                {signedUp ? (
                  <button
                    type="button"
                    className="button button--small button--ghost-danger"
                    disabled={busy}
                    onClick={() => leave.mutate({ code, sessionId: s.sessionId })}
                  >
                    Se désinscrire<span className="visually-hidden"> de {s.title}</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy || s.capacity === null}
                    onClick={() =>
                      join.mutate({
                        code,
                        sessionId: s.sessionId,
                        idempotencyKey: newIdempotencyKey(),
                      })
                    }
                  >
                    S'inscrire<span className="visually-hidden"> à {s.title}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(error)}
        </p>
      )}
    </section>
  );
}
