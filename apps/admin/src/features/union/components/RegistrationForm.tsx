import { useMutation } from "@tanstack/react-query";
import { formatCongressDay, formatDay } from "@tribune/domain/format";
import { daysBetween } from "@tribune/domain/kernel";
import { RegistrationInput } from "@tribune/domain/union";
import { useRef } from "react";
import { errorCode, useTRPC } from "../../../app/trpc";
import { showServerError } from "../../../ui/forms";
import { newIdempotencyKey } from "../shared";
import { REGISTRATION_FIELDS, RegistrationFields, useRegistrationForm } from "./RegistrationFields";

/** "jeudi 22 et vendredi 23 janvier 2026": the congress's lunches, dated with their year. */
function mealDays(first: string, last: string): string {
  const all = daysBetween(first, last);
  const lastDay = all[all.length - 1] ?? last;
  const before = all.slice(0, -1).map((day) => formatCongressDay(day));
  return before.length === 0 ? formatDay(lastDay) : `${before.join(", ")} et ${formatDay(lastDay)}`;
}

/**
 * The registration form, shared by the public page (self-registration) and the organisers'
 * "inscrire quelqu'un". Validated with the API's own schema, so French field errors show before
 * sending; the server's refusals (an email already registered) land on their field.
 */
export function RegistrationForm({
  editionId,
  days,
  mode,
  onRegistered,
}: {
  editionId: string;
  /** The congress's days, to date the meals and the gala (with the year); else weekdays only. */
  days?: { first: string; last: string };
  mode: "public" | "organiser";
  /**
   * The public form's answer says only that a message is on its way (the same for every
   * address); the organisers' answer is the registration, with its code and status.
   */
  onRegistered: (result: {
    firstName: string;
    email: string;
    code?: string;
    status?: string;
  }) => void;
}) {
  const trpc = useTRPC();
  const key = useRef(newIdempotencyKey());
  const registerSelf = useMutation(trpc.registration.register.mutationOptions());
  const registerByHand = useMutation(trpc.registration.create.mutationOptions());
  const mutation = mode === "public" ? registerSelf : registerByHand;
  const form = useRegistrationForm(RegistrationInput, () => ({
    editionId,
    idempotencyKey: key.current,
  }));
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    try {
      const result = await mutation.mutateAsync(input);
      key.current = newIdempotencyKey();
      form.reset();
      onRegistered(result);
    } catch (error) {
      if (errorCode(error) === "already_exists") {
        // A new attempt (another email) must not replay this refusal.
        key.current = newIdempotencyKey();
        form.setError("email", { type: "server", message: (error as Error).message });
        return;
      }
      showServerError(form.setError, error, REGISTRATION_FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="registration-form">
      <RegistrationFields
        register={form.register}
        errors={errors}
        autofill
        emailHint={mode === "public" ? "Une seule inscription par adresse." : undefined}
        when={{
          meals: days ? mealDays(days.first, days.last) : "jeudi et vendredi",
          gala: days ? `${formatDay(days.first)} au soir` : "jeudi soir",
        }}
      />
      {errors.root?.server && (
        <p role="alert" className="notice notice--error">
          {errors.root.server.message}
        </p>
      )}
      {errors.root?.message && !errors.root.server && (
        <p role="alert" className="notice notice--error">
          {errors.root.message}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={isSubmitting}
      >
        {isSubmitting ? "Inscription…" : mode === "public" ? "M'inscrire" : "Inscrire"}
      </button>
    </form>
  );
}
