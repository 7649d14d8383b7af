import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CAPACITY_LIMITED_KINDS,
  SESSION_KIND_LABELS,
  type SessionKind,
} from "@tribune/domain/congress";
import { formatCount } from "@tribune/domain/format";
import { SessionCapacitiesInput } from "@tribune/domain/union";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { apiResolver } from "../../../ui/forms";
import { promotedNotice } from "./promoted";
import "./bulk-capacity.css";

type Fields = { kind: SessionKind | ""; roomId: string; capacity: string };
const FIELDS = ["kind", "roomId", "capacity"] as const;

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
  const form = useForm<Fields, unknown, z.output<typeof SessionCapacitiesInput>>({
    resolver: apiResolver(
      SessionCapacitiesInput,
      ({ kind, roomId, capacity }: Fields) => ({
        editionId,
        ...(kind && { kind }),
        ...(roomId && { roomId }),
        capacity: capacity.trim() === "" ? null : Number(capacity),
      }),
      FIELDS,
    ),
    defaultValues: { kind: "", roomId: "", capacity: "" },
  });
  const apply = useMutation(
    trpc.session.setCapacities.mutationOptions({
      onSuccess: ({ places, promoted }, { capacity }) => {
        const what =
          capacity === null
            ? "capacité héritée des salles"
            : formatCount(capacity, "place", "places");
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
      noValidate
      onSubmit={form.handleSubmit((input) => apply.mutate(input))}
    >
      <p className="muted small">
        Fixez les places de plusieurs sessions à la fois. La capacité d'une salle (page Salles) vaut
        pour toutes ses sessions sans valeur propre ; laissez « Places » vide pour revenir à la
        capacité des salles.
      </p>
      <div className="bulk-capacity__fields">
        <label htmlFor={`${id}-kind`}>Type</label>
        <select id={`${id}-kind`} {...form.register("kind")}>
          <option value="">Ateliers et boîtes à outils</option>
          {CAPACITY_LIMITED_KINDS.map((k) => (
            <option key={k} value={k}>
              {SESSION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-room`}>Salle</label>
        <select id={`${id}-room`} {...form.register("roomId")}>
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
          aria-invalid={!!form.formState.errors.capacity || undefined}
          {...form.register("capacity")}
        />
        <button type="submit" className="button button--small" disabled={apply.isPending}>
          Appliquer
        </button>
      </div>
      {(form.formState.errors.capacity || form.formState.errors.root || apply.error) && (
        <p role="alert" className="field__error">
          {form.formState.errors.capacity?.message ??
            form.formState.errors.root?.message ??
            errorMessage(apply.error)}
        </p>
      )}
    </form>
  );
}
