import { useMutation } from "@tanstack/react-query";
import { type Registration, RegistrationUpdateInput } from "@tribune/domain/union";
import { useEffect } from "react";
import { useTRPC } from "../../../app/trpc";
import { showServerError } from "../../../ui/forms";
import { useSubdivisionOptions } from "../shared";
import { REGISTRATION_FIELDS, RegistrationFields, useRegistrationForm } from "./RegistrationFields";

/**
 * An organiser corrects a registration (a typo in the address, the meals): the same code and
 * the same place, whatever its status. Validated with the API's schema; the server's refusals
 * (an address another registration uses) land on their field.
 */
export function RegistrationEditForm(props: {
  registration: Registration;
  onSaved: (registration: Registration) => void;
  onClose: () => void;
}) {
  // The subdivision list first: a select without its options would forget the value it was given.
  const subdivisions = useSubdivisionOptions();
  if (!subdivisions.data) return <p className="muted">Chargement…</p>;
  return <EditForm {...props} />;
}

function EditForm({
  registration: r,
  onSaved,
  onClose,
}: {
  registration: Registration;
  onSaved: (registration: Registration) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.registration.update.mutationOptions());
  const form = useRegistrationForm(RegistrationUpdateInput, () => ({ id: r.id }), r);
  // The select mounts after react-hook-form read its default: give it the value again.
  const { setValue } = form;
  useEffect(() => setValue("subdivisionId", r.subdivisionId), [setValue, r.subdivisionId]);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    try {
      onSaved(await update.mutateAsync(input));
    } catch (error) {
      showServerError(form.setError, error, REGISTRATION_FIELDS);
    }
  });
  return (
    <section className="card" aria-labelledby="edit-registration-title">
      <h2 id="edit-registration-title">
        Corriger l'inscription de {r.firstName} {r.lastName} ({r.code})
      </h2>
      <p className="muted">Le code d'inscription et la place restent les mêmes.</p>
      <form onSubmit={submit} noValidate className="registration-form">
        <RegistrationFields register={form.register} errors={errors} autofill={false} />
        {errors.root?.server && (
          <p role="alert" className="notice notice--error">
            {errors.root.server.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? "Enregistrement…" : "Enregistrer la correction"}
          </button>{" "}
          <button type="button" className="button" onClick={onClose}>
            Fermer
          </button>
        </div>
      </form>
    </section>
  );
}
