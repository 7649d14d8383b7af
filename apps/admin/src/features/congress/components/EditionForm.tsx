import { EditionFromInput, EditionInput, EditionUpdate } from "@tribune/domain/congress";
import { useId } from "react";
import { Controller, type Resolver, useForm } from "react-hook-form";
import type { EditionView } from "../../../app/edition";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { Field } from "../../../ui/Field";
import { apiResolver, showServerError } from "../../../ui/forms";
import {
  createInput,
  type EditionFields,
  FORM_FIELDS,
  toNumber,
  toOptionalDay,
  toOptionalNumber,
  updateInput,
} from "./editionForm";

/** What the form hands to `save`: checked by the API's own schema for that verb. */
export type EditionPayload =
  | { kind: "create"; input: EditionInput }
  | { kind: "from"; input: EditionFromInput }
  | { kind: "update"; input: EditionUpdate };

type Mode = { kind: "create" } | { kind: "update"; id: string; initial: EditionFields };

/** One resolver per verb, picked by what the form says (a blank edition, from a previous one, an edit). */
function resolverFor(
  mode: Mode,
  withBudget: boolean,
): Resolver<EditionFields, unknown, EditionPayload> {
  const blank = apiResolver<EditionFields, EditionInput>(
    EditionInput as never,
    (v) => createInput(v, withBudget),
    FORM_FIELDS,
  );
  const from = apiResolver<EditionFields, EditionFromInput>(
    EditionFromInput as never,
    (v) => createInput(v, withBudget),
    FORM_FIELDS,
  );
  const update = apiResolver<EditionFields, EditionUpdate>(
    EditionUpdate,
    (v) => (mode.kind === "update" ? updateInput(mode.id, v, mode.initial, withBudget) : {}),
    FORM_FIELDS,
  );
  return async (values, context, options) => {
    const [kind, outcome] =
      mode.kind === "update"
        ? (["update", await update(values, context, options)] as const)
        : values.fromYear === ""
          ? (["create", await blank(values, context, options)] as const)
          : (["from", await from(values, context, options)] as const);
    if (Object.keys(outcome.errors).length > 0) return { values: {}, errors: outcome.errors };
    return { values: { kind, input: outcome.values } as EditionPayload, errors: {} };
  };
}

/**
 * Every field of an edition: creating (blank, or from a previous edition with what to copy) or
 * editing. The budget shows only to those who may read it; the API checks everything again.
 */
export function EditionForm({
  mode,
  defaultValues,
  editions,
  withBudget,
  valuesFrom,
  save,
  onCancel,
}: {
  mode: Mode;
  defaultValues: EditionFields;
  /** Create only: the editions a new one may start from. */
  editions: readonly EditionView[];
  withBudget: boolean;
  /** Create only: the form's values for another starting point (the form is refilled with them). */
  valuesFrom?: (fromYear: string) => Promise<EditionFields>;
  save: (payload: EditionPayload) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const form = useForm<EditionFields, unknown, EditionPayload>({
    resolver: resolverFor(mode, withBudget),
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  const fromYear = form.watch("fromYear");
  const submit = form.handleSubmit(async (payload) => {
    try {
      await save(payload);
    } catch (error) {
      showServerError(form.setError, error, FORM_FIELDS);
    }
  });
  const copyErrors = errors.copy as { message?: string } | undefined;

  return (
    <form onSubmit={submit} noValidate className="edition-form">
      {mode.kind === "create" && (
        <fieldset className="field edition-form__source">
          <legend>Point de départ</legend>
          <Field
            label="À partir de l'édition"
            error={errors.fromYear?.message}
            hint="Ses salles (avec leurs capacités) et les textes de son dossier de presse, en brouillon, sont repris. Jamais ses inscriptions, arrivées, réponses ni votes."
          >
            {(props) => (
              <Controller
                control={form.control}
                name="fromYear"
                render={({ field }) => (
                  <select
                    {...props}
                    name={field.name}
                    ref={field.ref}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={async (event) => {
                      field.onChange(event.target.value);
                      if (valuesFrom) form.reset(await valuesFrom(event.target.value));
                    }}
                  >
                    <option value="">Aucune : une édition vierge</option>
                    {editions.map((e) => (
                      <option key={e.id} value={String(e.year)}>
                        {e.year} ({e.number}e congrès)
                      </option>
                    ))}
                  </select>
                )}
              />
            )}
          </Field>
          {fromYear !== "" && (
            <fieldset className="field" aria-describedby={`${id}-copy-hint`}>
              <legend>Reprendre aussi</legend>
              <p id={`${id}-copy-hint`} className="field__hint">
                Tout ce qui est repris arrive en brouillon : rien n'est publié sans vous.
              </p>
              <label className="field__choice">
                <input type="checkbox" {...form.register("copy.partners")} />
                Les partenaires de {fromYear}
              </label>
              <label className="field__choice">
                <input type="checkbox" {...form.register("copy.surveys")} />
                Les questionnaires d'enquête, en brouillon pour la nouvelle année
              </label>
              <label className="field__choice">
                <input type="checkbox" {...form.register("copy.programme")} />
                La trame du programme : ses sessions en brouillon, sur les nouveaux jours
              </label>
              {copyErrors?.message && (
                <p className="field__error" role="alert">
                  {copyErrors.message}
                </p>
              )}
            </fieldset>
          )}
        </fieldset>
      )}

      <fieldset className="field edition-form__group">
        <legend>Le congrès</legend>
        <div className="edition-form__grid">
          <Field
            label="Numéro du congrès"
            hint="27 pour le 27e congrès."
            error={errors.number?.message}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                {...form.register("number", { setValueAs: toNumber })}
              />
            )}
          </Field>
          <Field label="Année" error={errors.year?.message}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={2000}
                max={2100}
                step={1}
                {...form.register("year", { setValueAs: toNumber })}
              />
            )}
          </Field>
          <Field label="Thème" error={errors.theme?.message}>
            {(props) => <input {...props} type="text" {...form.register("theme")} />}
          </Field>
          <Field label="Sous-titre" hint="Facultatif." error={errors.subtitle?.message}>
            {(props) => <input {...props} type="text" {...form.register("subtitle")} />}
          </Field>
          <Field label="Ville" error={errors.city?.message}>
            {(props) => <input {...props} type="text" {...form.register("city")} />}
          </Field>
          <Field
            label="Lieu"
            hint="Par exemple : Palais des congrès."
            error={errors.venue?.message}
          >
            {(props) => <input {...props} type="text" {...form.register("venue")} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="field edition-form__group">
        <legend>Dates</legend>
        <div className="edition-form__grid">
          <Field label="Premier jour" error={errors.firstDay?.message}>
            {(props) => <input {...props} type="date" {...form.register("firstDay")} />}
          </Field>
          <Field label="Dernier jour" error={errors.lastDay?.message}>
            {(props) => <input {...props} type="date" {...form.register("lastDay")} />}
          </Field>
          <Field
            label="Fuseau horaire"
            hint="Nom IANA, par exemple Europe/Paris."
            error={errors.timeZone?.message}
          >
            {(props) => <input {...props} type="text" {...form.register("timeZone")} />}
          </Field>
          <Field
            label="Ouverture des inscriptions"
            hint="Facultatif. Dès 0 h ce jour-là ; vide : pas encore programmée."
            error={errors.registrationOpensOn?.message}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                {...form.register("registrationOpensOn", { setValueAs: toOptionalDay })}
              />
            )}
          </Field>
          <Field
            label="Clôture des inscriptions"
            hint="Facultatif. Jusqu'à minuit ce jour-là ; vide : pas de clôture."
            error={errors.registrationClosesOn?.message}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                {...form.register("registrationClosesOn", { setValueAs: toOptionalDay })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="field edition-form__group">
        <legend>Jauge{withBudget ? " et budget" : ""}</legend>
        <div className="edition-form__grid">
          <Field label="Participant·es attendu·es" error={errors.expectedAttendance?.message}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                {...form.register("expectedAttendance", { setValueAs: toNumber })}
              />
            )}
          </Field>
          <Field
            label="Capacité (places)"
            hint="Au-delà, les inscriptions vont en liste d'attente. Vide : sans limite."
            error={errors.capacity?.message}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                {...form.register("capacity", { setValueAs: toOptionalNumber })}
              />
            )}
          </Field>
          {withBudget && (
            <Field
              label="Budget (euros)"
              hint="Visible de l'administration et du Bureau National seulement."
              error={errors.budgetEuros?.message}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  {...form.register("budgetEuros", { setValueAs: toNumber })}
                />
              )}
            </Field>
          )}
        </div>
      </fieldset>

      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}
