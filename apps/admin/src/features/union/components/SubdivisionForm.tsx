import { useMutation } from "@tanstack/react-query";
import { type Subdivision, SubdivisionInput, slugOfName } from "@tribune/domain/union";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorCode, useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { Field } from "../../../ui/Field";
import { apiResolver, showServerError } from "../../../ui/forms";

type Fields = {
  name: string;
  slug: string;
  unionName: string;
  university: string;
  contactEmail: string;
  declaredMembers: string;
  aliases: string;
};
const FIELDS = [
  "name",
  "slug",
  "unionName",
  "university",
  "contactEmail",
  "declaredMembers",
  "aliases",
] as const;

const toInput = (values: Fields) => ({
  ...values,
  declaredMembers: values.declaredMembers === "" ? 0 : Number(values.declaredMembers),
  aliases: values.aliases
    .split(",")
    .map((alias) => alias.trim())
    .filter(Boolean),
});

/**
 * Admits a subdivision to the federation (the union's decision): only the name is required,
 * the rest can be completed later on its page. Validated with the API's own schema.
 */
export function SubdivisionForm({
  onSaved,
  onCancel,
}: {
  onSaved: (subdivision: Subdivision) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.subdivision.create.mutationOptions());
  const form = useForm<Fields, unknown, z.output<typeof SubdivisionInput>>({
    resolver: apiResolver(SubdivisionInput, toInput, FIELDS),
    defaultValues: {
      name: "",
      slug: "",
      unionName: "",
      university: "",
      contactEmail: "",
      declaredMembers: "",
      aliases: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const derivedSlug = slugOfName(form.watch("name"));

  const submit = form.handleSubmit(async (input) => {
    try {
      onSaved(await create.mutateAsync(input));
    } catch (error) {
      if (errorCode(error) === "already_exists") {
        form.setError("name", { type: "server", message: (error as Error).message });
        return;
      }
      showServerError(form.setError, error, FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="registration-form">
      <div className="registration-form__row">
        <Field
          label="Nom (ville ou région)"
          hint="Tel qu'il apparaîtra sur le formulaire d'inscription."
          error={errors.name?.message}
        >
          {(props) => <input {...props} autoComplete="off" {...form.register("name")} />}
        </Field>
        <Field
          label="Identifiant"
          hint={`Laissé vide : tiré du nom${derivedSlug ? ` (« ${derivedSlug} »)` : ""}. Sert aux imports CSV.`}
          error={errors.slug?.message}
        >
          {(props) => <input {...props} autoComplete="off" {...form.register("slug")} />}
        </Field>
      </div>
      <div className="registration-form__row">
        <Field label="Structure locale" error={errors.unionName?.message}>
          {(props) => <input {...props} autoComplete="off" {...form.register("unionName")} />}
        </Field>
        <Field label="Université" error={errors.university?.message}>
          {(props) => <input {...props} autoComplete="off" {...form.register("university")} />}
        </Field>
      </div>
      <div className="registration-form__row">
        <Field label="E-mail de contact" error={errors.contactEmail?.message}>
          {(props) => (
            <input {...props} type="email" autoComplete="off" {...form.register("contactEmail")} />
          )}
        </Field>
        <Field label="Adhérent·es déclaré·es" error={errors.declaredMembers?.message}>
          {(props) => (
            <input {...props} inputMode="numeric" {...form.register("declaredMembers")} />
          )}
        </Field>
      </div>
      <Field
        label="Autres noms"
        hint="Séparés par des virgules : les noms que les tableurs emploient (« aix-marseille »)."
        error={errors.aliases?.message}
      >
        {(props) => <input {...props} autoComplete="off" {...form.register("aliases")} />}
      </Field>
      <FormFooter
        error={errors.root?.server?.message}
        submitting={isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}
