import { YEAR_OF_TRAINING_LABELS, YEARS_OF_TRAINING } from "@tribune/domain/union";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "../../../ui/Field";
import { useSubdivisionOptions } from "../shared";

type PersonField = "firstName" | "lastName" | "email" | "subdivisionId" | "yearOfTraining";

/**
 * Who a person is, as the member and registration forms both ask it: name, email, subdivision
 * and year of DES. `autofill` lets the browser fill in the user's own details; off when an
 * organiser types someone else's.
 */
export function PersonFields({
  register,
  errors,
  autofill,
  emailHint,
  subdivisionHint,
  subdivisionLocked = false,
  yearOptional = false,
}: {
  register: (name: PersonField) => UseFormRegisterReturn<PersonField>;
  errors: Partial<Record<PersonField, { message?: string | undefined }>>;
  autofill: boolean;
  emailHint?: string | undefined;
  subdivisionHint?: string | undefined;
  subdivisionLocked?: boolean;
  yearOptional?: boolean;
}) {
  const subdivisions = useSubdivisionOptions();
  const auto = (token: string) => (autofill ? token : "off");
  return (
    <>
      <div className="registration-form__row">
        <Field label="Prénom" error={errors.firstName?.message}>
          {(props) => (
            <input {...props} autoComplete={auto("given-name")} {...register("firstName")} />
          )}
        </Field>
        <Field label="Nom" error={errors.lastName?.message}>
          {(props) => (
            <input {...props} autoComplete={auto("family-name")} {...register("lastName")} />
          )}
        </Field>
      </div>
      <Field label="Adresse e-mail" hint={emailHint} error={errors.email?.message}>
        {(props) => (
          <input {...props} type="email" autoComplete={auto("email")} {...register("email")} />
        )}
      </Field>
      <div className="registration-form__row">
        <Field label="Subdivision" hint={subdivisionHint} error={errors.subdivisionId?.message}>
          {(props) => (
            <select {...props} disabled={subdivisionLocked} {...register("subdivisionId")}>
              <option value="">— Choisissez —</option>
              {(subdivisions.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <YearOfTrainingField
          registered={register("yearOfTraining")}
          error={errors.yearOfTraining?.message}
          optional={yearOptional}
        />
      </div>
    </>
  );
}

/** The year of DES, as every form that asks it shows it (empty: not said). */
export function YearOfTrainingField({
  registered,
  error,
  optional,
}: {
  registered: UseFormRegisterReturn;
  error: string | undefined;
  optional: boolean;
}) {
  return (
    <Field label={optional ? "Année de DES (facultatif)" : "Année de DES"} error={error}>
      {(props) => (
        <select {...props} {...registered}>
          <option value="">—</option>
          {YEARS_OF_TRAINING.map((year) => (
            <option key={year} value={year}>
              {YEAR_OF_TRAINING_LABELS[year]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
