import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatCount } from "@tribune/domain/format";
import { useId, useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { promotedNotice } from "./promoted";

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
  const [value, setValue] = useState(capacity === null ? "" : String(capacity));
  const inputId = useId();
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
  return (
    <form
      className="signup-capacity"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ sessionId, capacity: value.trim() === "" ? null : Number(value) });
      }}
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
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={save.error ? `${inputId}-error` : undefined}
      />
      <button type="submit" className="button button--small" disabled={save.isPending}>
        Enregistrer
        <span className="visually-hidden"> les places de « {title} »</span>
      </button>
      {save.error && (
        <p id={`${inputId}-error`} role="alert" className="field__error">
          {errorMessage(save.error)}
        </p>
      )}
    </form>
  );
}
