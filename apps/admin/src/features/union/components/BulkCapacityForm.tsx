import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CAPACITY_LIMITED_KINDS,
  SESSION_KIND_LABELS,
  type SessionKind,
} from "@tribune/domain/congress";
import { formatCount } from "@tribune/domain/format";
import { useId, useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { promotedNotice } from "./promoted";
import "./bulk-capacity.css";

/**
 * Places for many workshops at once: every workshop and toolbox of the edition, of one kind
 * and/or in one room. Empty gives each session back what it inherits (its rooms' capacity).
 * A room's own capacity (page Salles) is inherited by every session in it without an override.
 */
export function BulkCapacityForm({
  editionId,
  onSaved,
}: {
  editionId: string;
  onSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const rooms = useQuery(trpc.room.list.queryOptions({ editionId }));
  const [kind, setKind] = useState<SessionKind | "">("");
  const [roomId, setRoomId] = useState("");
  const [capacity, setCapacity] = useState("");
  const apply = useMutation(
    trpc.session.setCapacities.mutationOptions({
      onSuccess: ({ places, promoted }) => {
        const what =
          capacity.trim() === ""
            ? "capacité héritée des salles"
            : formatCount(Number(capacity), "place", "places");
        onSaved(
          places.length === 0
            ? "Aucune session ne correspond : rien n'a changé."
            : `${formatCount(places.length, "session", "sessions")} : ${what}.${promotedNotice(promoted.length)}`,
        );
        return queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
      },
    }),
  );
  return (
    <form
      className="bulk-capacity"
      aria-label="Places en masse"
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate({
          editionId,
          ...(kind && { kind }),
          ...(roomId && { roomId }),
          capacity: capacity.trim() === "" ? null : Number(capacity),
        });
      }}
    >
      <p className="muted small">
        Fixez les places de plusieurs sessions à la fois. La capacité d'une salle (page Salles) vaut
        pour toutes ses sessions sans valeur propre ; laissez « Places » vide pour revenir à la
        capacité des salles.
      </p>
      <div className="bulk-capacity__fields">
        <label htmlFor={`${id}-kind`}>Type</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as SessionKind | "")}
        >
          <option value="">Ateliers et boîtes à outils</option>
          {CAPACITY_LIMITED_KINDS.map((k) => (
            <option key={k} value={k}>
              {SESSION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-room`}>Salle</label>
        <select id={`${id}-room`} value={roomId} onChange={(e) => setRoomId(e.target.value)}>
          <option value="">Toutes les salles</option>
          {rooms.data?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-capacity`}>Places</label>
        <input
          id={`${id}-capacity`}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={apply.isPending}>
          Appliquer
        </button>
      </div>
      {apply.error && (
        <p role="alert" className="field__error">
          {errorMessage(apply.error)}
        </p>
      )}
    </form>
  );
}
