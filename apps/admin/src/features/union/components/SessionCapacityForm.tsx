import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatCount } from "@tribune/domain/format";
import { SessionCapacityInput } from "@tribune/domain/union";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { apiResolver } from "../../../ui/forms";
import { promotedNotice } from "./promoted";

type Fields = { capacity: string };
/** Empty: the programme's override or the room's capacity decides. */
const placesOf = (text: string) => (text.trim() === "" ? null : Number(text));

/**
 * A workshop's number of places. More places go at once to the people waiting; empty means
 * the programme's override or the room's capacity decides.
 */
export function SessionCapacityForm({
  sessionId,
  title,
  capacity,
  onSaved,
}: {
  sessionId: string;
  /** Names the field for screen readers: the form sits in a table row of many. */
  title: string;
  capacity: number | null;
  onSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const form = useForm<Fields, unknown, z.output<typeof SessionCapacityInput>>({
    resolver: apiResolver(
      SessionCapacityInput,
      (values: Fields) => ({ sessionId, capacity: placesOf(values.capacity) }),
      ["capacity"],
    ),
    defaultValues: { capacity: capacity === null ? "" : String(capacity) },
  });
  const save = useMutation(
    trpc.signup.setCapacity.mutationOptions({
      onSuccess: ({ places, promoted }) => {
        onSaved(
          `${places.capacity === null ? "Capacité inconnue" : formatCount(places.capacity, "place", "places")} pour « ${places.title} ».${promotedNotice(promoted.length)}`,
        );
        return queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
      },
    }),
  );
  const problem =
    form.formState.errors.capacity?.message ?? (save.error ? errorMessage(save.error) : null);
  return (
    <form
      className="signup-capacity"
      noValidate
      onSubmit={form.handleSubmit((input) => save.mutate(input))}
    >
      <label htmlFor={inputId} className="visually-hidden">
        Places de « {title} »
      </label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        aria-invalid={!!form.formState.errors.capacity || undefined}
        aria-describedby={problem ? `${inputId}-error` : undefined}
        {...form.register("capacity")}
      />
      <button type="submit" className="button button--small" disabled={save.isPending}>
        Enregistrer
        <span className="visually-hidden"> les places de « {title} »</span>
      </button>
      {problem && (
        <p id={`${inputId}-error`} role="alert" className="field__error">
          {problem}
        </p>
      )}
    </form>
  );
}
