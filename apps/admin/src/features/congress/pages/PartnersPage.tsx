import { useQuery } from "@tanstack/react-query";
import {
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type Partner,
  PartnerInput,
  type PartnerKind,
  PartnerUpdate,
} from "@tribune/domain/congress";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useTRPC } from "../../../app/trpc";
import { CatalogDelete } from "../../../ui/catalog/CatalogDelete";
import { CatalogEditor, CatalogForm } from "../../../ui/catalog/CatalogEditor";
import { CatalogLayout, QueryState } from "../../../ui/catalog/CatalogLayout";
import { CatalogRow, CatalogTable } from "../../../ui/catalog/CatalogTable";
import { useCatalog } from "../../../ui/catalog/useCatalog";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";

type PartnerPatch = z.infer<typeof PartnerUpdate>;

export default function PartnersPage() {
  const trpc = useTRPC();
  const partners = useQuery(trpc.partner.list.queryOptions());
  const catalog = useCatalog({
    area: "partner",
    create: trpc.partner.create.mutationOptions(),
    update: trpc.partner.update.mutationOptions(),
    delete: trpc.partner.delete.mutationOptions(),
  });
  const sorted =
    partners.data && [...partners.data].sort((a, b) => a.name.localeCompare(b.name, "fr"));

  return (
    <CatalogLayout
      title="Partenaires"
      intro="Mutuelles, collectivités, institutions… associées aux sessions du programme."
      addLabel="Ajouter un partenaire"
      onAdd={catalog.startNew}
      status={catalog.status}
      editor={
        catalog.editing && (
          <CatalogEditor
            catalog={catalog}
            newTitle="Nouveau partenaire"
            savedMessage={(partner, created) =>
              created
                ? `Partenaire « ${partner.name} » créé.`
                : `Partenaire « ${partner.name} » enregistré.`
            }
          >
            {(partner, done) => <PartnerForm partner={partner} save={catalog.save} {...done} />}
          </CatalogEditor>
        )
      }
    >
      <QueryState
        query={{ ...partners, data: sorted }}
        empty="Aucun partenaire pour l'instant. Ajoutez-en un avec « Ajouter un partenaire » ci-dessus."
      >
        {(list) => (
          <CatalogTable
            caption="Partenaires"
            columns={
              <>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Site web</th>
              </>
            }
          >
            {list.map((partner) => (
              <CatalogRow key={partner.id} item={partner} catalog={catalog}>
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
              </CatalogRow>
            ))}
          </CatalogTable>
        )}
      </QueryState>
      <CatalogDelete
        catalog={catalog}
        title={(partner) => `Supprimer le partenaire « ${partner.name} » ?`}
        deletedMessage={(partner, result) =>
          `Partenaire « ${partner.name} » supprimé.${
            result.detachedSessions > 0
              ? ` Il a été retiré de ${result.detachedSessions} session${result.detachedSessions > 1 ? "s" : ""}.`
              : ""
          }`
        }
      />
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
  save,
  onSaved,
  onCancel,
}: {
  partner: Partner | null;
  save: (values: PartnerInput | PartnerPatch) => Promise<Partner>;
  onSaved: (partner: Partner) => void;
  onCancel: () => void;
}) {
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
  const { errors } = form.formState;

  return (
    <CatalogForm form={form} fields={FIELDS} save={save} onSaved={onSaved} onCancel={onCancel}>
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
    </CatalogForm>
  );
}
