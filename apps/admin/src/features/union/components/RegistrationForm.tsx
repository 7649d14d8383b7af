import { useMutation } from "@tanstack/react-query";
import { daysBetween, RegistrationInput } from "@tribune/domain";
import { formatCongressDay, formatDay } from "@tribune/domain/format";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorCode, useTRPC } from "../../../app/trpc";
import { apiResolver, showServerError } from "../../../ui/forms";
import { newIdempotencyKey } from "../shared";
import { PersonFields } from "./PersonFields";

type Fields = {
  firstName: string;
  lastName: string;
  email: string;
  subdivisionId: string;
  yearOfTraining: string;
  meals: boolean;
  gala: boolean;
};
const FIELDS = [
  "firstName",
  "lastName",
  "email",
  "subdivisionId",
  "yearOfTraining",
  "meals",
  "gala",
] as const;

/** "jeudi 22 et vendredi 23 janvier 2026": the congress's lunches, dated with their year. */
function mealDays(first: string, last: string): string {
  const all = daysBetween(first, last);
  const lastDay = all[all.length - 1] ?? last;
  const before = all.slice(0, -1).map((day) => formatCongressDay(day));
  return before.length === 0 ? formatDay(lastDay) : `${before.join(", ")} et ${formatDay(lastDay)}`;
}

export type RegistrationValues = z.output<typeof RegistrationInput>;

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
  const toInput = (values: Fields) => ({
    editionId,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    subdivisionId: values.subdivisionId,
    yearOfTraining: values.yearOfTraining ? Number(values.yearOfTraining) : null,
    meals: values.meals,
    gala: values.gala,
    idempotencyKey: key.current,
  });
  const form = useForm<Fields, unknown, RegistrationValues>({
    resolver: apiResolver(RegistrationInput, toInput, FIELDS),
    defaultValues: {
      firstName: "",
      lastName: "",
      email: "",
      subdivisionId: "",
      yearOfTraining: "",
      meals: true,
      gala: false,
    },
  });
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
      showServerError(form.setError, error, FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="registration-form">
      <PersonFields
        register={form.register}
        errors={errors}
        autofill
        emailHint={mode === "public" ? "Une seule inscription par adresse." : undefined}
        yearOptional
      />
      <fieldset className="registration-form__options">
        <legend>Options</legend>
        <label>
          <input type="checkbox" {...form.register("meals")} /> Repas du midi (
          {days ? mealDays(days.first, days.last) : "jeudi et vendredi"})
        </label>
        <label>
          <input type="checkbox" {...form.register("gala")} /> Soirée de gala (
          {days ? `${formatDay(days.first)} au soir` : "jeudi soir"})
        </label>
      </fieldset>
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
