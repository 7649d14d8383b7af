import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { SIGNUP_STATUS_LABELS } from "@tribune/domain/union";
import { useDeferredValue, useId, useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { newIdempotencyKey, StatusBadge } from "../shared";

/**
 * "Ajouter à la main": an organiser finds an attendee by name, e-mail or code and signs them
 * up for the open session, under the same rules as the attendee (places, waitlist, overlaps).
 */
export function AddSignupByHand({
  editionId,
  sessionId,
  title,
  onAdded,
}: {
  editionId: string;
  sessionId: string;
  title: string;
  onAdded: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const searchId = useId();
  const found = useQuery({
    ...trpc.registration.list.queryOptions(
      open && deferred.length >= 2 ? { editionId, search: deferred, limit: 6 } : skipToken,
    ),
    placeholderData: keepPreviousData,
  });
  const add = useMutation(
    trpc.signup.add.mutationOptions({
      onSuccess: (receipt, input) => {
        const person = found.data?.items.find((r) => r.id === input.registrationId);
        const name = person ? `${person.firstName} ${person.lastName}` : "La personne";
        onAdded(
          receipt.alreadySignedUp
            ? `${name} était déjà inscrit·e à « ${title} ».`
            : `${name} inscrit·e à « ${title} » : ${SIGNUP_STATUS_LABELS[
                receipt.status
              ].toLowerCase()}${receipt.waitlistPosition ? ` (n° ${receipt.waitlistPosition})` : ""}.`,
        );
        setSearch("");
        setOpen(false);
        return queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
      },
    }),
  );

  if (!open)
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Ajouter à la main
      </button>
    );
  return (
    <div className="signup-add">
      <label htmlFor={searchId}>Personne à inscrire à « {title} »</label>
      <div className="signup-add__row">
        <input
          id={searchId}
          type="search"
          // biome-ignore lint/a11y/noAutofocus: the organiser just asked for this field
          autoFocus
          placeholder="Nom, e-mail ou code d'inscription"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          Annuler
        </button>
      </div>
      {add.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(add.error)}
        </p>
      )}
      {deferred.length >= 2 && found.data && (
        <ul className="signup-add__results" aria-label="Personnes trouvées">
          {found.data.items.length === 0 && <li className="muted">Personne ne correspond.</li>}
          {found.data.items.map((r) => (
            <li key={r.id}>
              <span>
                {r.firstName} {r.lastName} <span className="mono muted small">{r.code}</span>{" "}
                <StatusBadge status={r.status} />
              </span>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={add.isPending}
                onClick={() =>
                  add.mutate({
                    registrationId: r.id,
                    sessionId,
                    idempotencyKey: newIdempotencyKey(),
                  })
                }
              >
                Inscrire
                <span className="visually-hidden">
                  {" "}
                  {r.firstName} {r.lastName}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
