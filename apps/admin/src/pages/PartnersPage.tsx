import { useMutation, useQuery } from "@tanstack/react-query";
import {
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type Partner,
  PartnerInput,
  type PartnerKind,
  PartnerUpdate,
} from "@tribune/domain";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  CatalogLayout,
  EditorPanel,
  FormFooter,
  QueryState,
  RowActions,
  useAfterChange,
} from "../catalog/CatalogLayout";
import { DeleteDialog } from "../catalog/DeleteDialog";
import { apiResolver, showServerError } from "../catalog/forms";
import { Field } from "../components/Field";
import { useTRPC } from "../trpc";

type PartnerPatch = z.infer<typeof PartnerUpdate>;

export default function PartnersPage() {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const partners = useQuery(trpc.partner.list.queryOptions());
  const remove = useMutation(trpc.partner.delete.mutationOptions());
  const [editing, setEditing] = useState<Partner | "new" | null>(null);
  const [deleting, setDeleting] = useState<Partner | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const sorted =
    partners.data && [...partners.data].sort((a, b) => a.name.localeCompare(b.name, "fr"));

  return (
    <CatalogLayout
      title="Partenaires"
      intro="Mutuelles, collectivités, institutions… associées aux sessions du programme."
      addLabel="Ajouter un partenaire"
      onAdd={() => {
        setStatus(null);
        setEditing("new");
      }}
      status={status}
      editor={
        editing && (
          <EditorPanel
            title={editing === "new" ? "Nouveau partenaire" : `Modifier « ${editing.name} »`}
          >
            <PartnerForm
              key={editing === "new" ? "new" : editing.id}
              partner={editing === "new" ? null : editing}
              onCancel={() => setEditing(null)}
              onSaved={(partner, created) => {
                setEditing(null);
                setStatus(
                  created
                    ? `Partenaire « ${partner.name} » créé.`
                    : `Partenaire « ${partner.name} » enregistré.`,
                );
              }}
            />
          </EditorPanel>
        )
      }
    >
      <QueryState query={{ ...partners, data: sorted }} empty="Aucun partenaire pour l'instant.">
        {(list) => (
          <table className="data">
            <caption className="visually-hidden">Partenaires</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Site web</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((partner) => (
                <tr
                  key={partner.id}
                  className={
                    editing !== "new" && editing?.id === partner.id ? "is-editing" : undefined
                  }
                >
                  <th scope="row">{partner.name}</th>
                  <td>{PARTNER_KIND_LABELS[partner.kind]}</td>
                  <td>
                    {/^https?:\/\//.test(partner.website) ? (
                      <a href={partner.website} target="_blank" rel="noreferrer noopener">
                        {partner.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                        <span className="visually-hidden"> (nouvel onglet)</span>
                      </a>
                    ) : (
                      partner.website || <span className="muted">—</span>
                    )}
                  </td>
                  <td className="actions">
                    <RowActions
                      name={partner.name}
                      onEdit={() => {
                        setStatus(null);
                        setEditing(partner);
                      }}
                      onDelete={() => {
                        setStatus(null);
                        setDeleting(partner);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      {deleting && (
        <DeleteDialog
          title={`Supprimer le partenaire « ${deleting.name} » ?`}
          remove={(confirm) => remove.mutateAsync({ id: deleting.id, confirm })}
          onCancel={() => setDeleting(null)}
          onDeleted={async (result) => {
            // The dialog stays open ("Suppression…") until the list no longer shows the row.
            await afterChange("partner");
            if (editing !== "new" && editing?.id === deleting.id) setEditing(null);
            setDeleting(null);
            setStatus(
              `Partenaire « ${deleting.name} » supprimé.${
                result.detachedSessions > 0
                  ? ` Il a été retiré de ${result.detachedSessions} session${result.detachedSessions > 1 ? "s" : ""}.`
                  : ""
              }`,
            );
          }}
        />
      )}
    </CatalogLayout>
  );
}

interface PartnerFields {
  name: string;
  kind: PartnerKind;
  website: string;
}
const FIELDS = ["name", "kind", "website"] as const;

function PartnerForm({
  partner,
  onSaved,
  onCancel,
}: {
  partner: Partner | null;
  onSaved: (partner: Partner, created: boolean) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const create = useMutation(trpc.partner.create.mutationOptions());
  const update = useMutation(trpc.partner.update.mutationOptions());
  const form = useForm<PartnerFields, unknown, PartnerInput | PartnerPatch>({
    resolver: partner
      ? apiResolver<PartnerFields, PartnerPatch>(
          PartnerUpdate,
          (v) => ({ ...v, website: v.website.trim(), id: partner.id }),
          FIELDS,
        )
      : apiResolver<PartnerFields, PartnerInput>(
          PartnerInput,
          (v) => ({ ...v, website: v.website.trim() }),
          FIELDS,
        ),
    defaultValues: partner
      ? { name: partner.name, kind: partner.kind, website: partner.website }
      : { name: "", kind: "mutuelle", website: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved =
        "id" in values
          ? await update.mutateAsync(values)
          : await create.mutateAsync(values as PartnerInput);
      await afterChange("partner");
      onSaved(saved, !partner);
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Field label="Nom" error={errors.name?.message}>
        {(props) => <input {...props} type="text" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Type" error={errors.kind?.message}>
        {(props) => (
          <select {...props} {...form.register("kind")}>
            {PARTNER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PARTNER_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Site web (facultatif)"
        hint="Adresse complète, par exemple https://www.gpm.fr"
        error={errors.website?.message}
      >
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            autoComplete="url"
            {...form.register("website")}
          />
        )}
      </Field>
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}
