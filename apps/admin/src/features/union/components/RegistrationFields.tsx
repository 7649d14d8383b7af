import type { Registration } from "@tribune/domain/union";
import { type FieldErrors, type UseFormRegister, useForm } from "react-hook-form";
import type { z } from "zod";
import { apiResolver } from "../../../ui/forms";
import { PersonFields } from "./PersonFields";

/** What the registration forms hold, as the controls hold it (the year as a select's text). */
export type RegistrationFieldValues = {
  firstName: string;
  lastName: string;
  email: string;
  subdivisionId: string;
  yearOfTraining: string;
  meals: boolean;
  gala: boolean;
};

export const REGISTRATION_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "subdivisionId",
  "yearOfTraining",
  "meals",
  "gala",
] as const;

/**
 * The form of a registration, validated with the API's `schema` (RegistrationInput,
 * RegistrationUpdateInput): `extra` adds what the form alone knows (the edition and the
 * idempotency key of a new registration, the id of a corrected one), read at each validation.
 * Starts empty (meals taken), or from the registration being corrected.
 */
export function useRegistrationForm<Output>(
  schema: z.ZodType<Output>,
  extra: () => object,
  registration?: Registration,
) {
  return useForm<RegistrationFieldValues, unknown, Output>({
    resolver: apiResolver(
      schema,
      (values: RegistrationFieldValues) => ({ ...extra(), ...registrationInput(values) }),
      REGISTRATION_FIELDS,
    ),
    defaultValues: registrationDefaults(registration),
  });
}

function registrationDefaults(registration?: Registration): RegistrationFieldValues {
  if (!registration) {
    return {
      firstName: "",
      lastName: "",
      email: "",
      subdivisionId: "",
      yearOfTraining: "",
      meals: true,
      gala: false,
    };
  }
  return {
    firstName: registration.firstName,
    lastName: registration.lastName,
    email: registration.email,
    subdivisionId: registration.subdivisionId,
    yearOfTraining: registration.yearOfTraining ? String(registration.yearOfTraining) : "",
    meals: registration.meals,
    gala: registration.gala,
  };
}

/** The values as the API reads them (the year a number, or null). */
function registrationInput(values: RegistrationFieldValues) {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    subdivisionId: values.subdivisionId,
    yearOfTraining: values.yearOfTraining ? Number(values.yearOfTraining) : null,
    meals: values.meals,
    gala: values.gala,
  };
}

/**
 * The fields of a registration, shared by the new-registration form and the organisers'
 * correction: who the person is, then the options. `when` dates the meals and the gala in
 * their labels ("Repas du midi (jeudi et vendredi)"); without it the labels are bare.
 */
export function RegistrationFields({
  register,
  errors,
  autofill,
  emailHint,
  when,
}: {
  register: UseFormRegister<RegistrationFieldValues>;
  errors: FieldErrors<RegistrationFieldValues>;
  autofill: boolean;
  emailHint?: string | undefined;
  when?: { meals: string; gala: string } | undefined;
}) {
  return (
    <>
      <PersonFields
        register={register}
        errors={errors}
        autofill={autofill}
        emailHint={emailHint}
        yearOptional
      />
      <fieldset className="registration-form__options">
        <legend>Options</legend>
        <label>
          <input type="checkbox" {...register("meals")} /> Repas du midi
          {when && ` (${when.meals})`}
        </label>
        <label>
          <input type="checkbox" {...register("gala")} /> Soirée de gala
          {when && ` (${when.gala})`}
        </label>
      </fieldset>
    </>
  );
}
