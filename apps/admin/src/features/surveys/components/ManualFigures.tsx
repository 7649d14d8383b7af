import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { formatDateTime } from "@tribune/domain/format";
import {
  CITED_FIGURE_NOTE,
  citationLine,
  citationOf,
  formatFigure,
  MANUAL_FIGURE_EDITORS,
  ManualFigureInput,
} from "@tribune/domain/press-kit";
import { type ReactNode, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { EmptyState } from "../../../ui/EmptyState";
import { apiResolver, showServerError } from "../../../ui/forms";
import { hasRole, useMe } from "../../auth/hooks/useMe";

type ManualFigure = RouterOutputs["pressKit"]["manualFigures"][number];
type Fields = {
  id: string;
  label: string;
  value: string;
  unit: "percent" | "number";
  decimals: string;
  sourceOrganisation: string;
  sourceTitle: string;
  sample: string;
  publishedOn: string;
  url: string;
};
const FIELDS = [
  "id",
  "label",
  "value",
  "unit",
  "decimals",
  "sourceOrganisation",
  "sourceTitle",
  "sample",
  "publishedOn",
  "url",
] as const;

/** "66,2" or "66.2" → 66.2; anything else stays text, for zod to refuse in French. */
const numberOf = (text: string) => {
  const n = Number(text.replace(",", ".").replace(/\s/g, ""));
  return text.trim() === "" || Number.isNaN(n) ? text : n;
};

/** Creates or edits a manual figure: its value and, mandatory, where it comes from. */
function ManualFigureForm({
  year,
  initial,
  onDone,
}: {
  year: number;
  initial: ManualFigure | null;
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<Fields, unknown, ManualFigureInput>({
    resolver: apiResolver<Fields, ManualFigureInput>(
      ManualFigureInput,
      (v) => ({
        ...v,
        year,
        value: numberOf(v.value),
        decimals: Number(v.decimals),
      }),
      FIELDS,
    ),
    defaultValues: initial
      ? { ...initial, value: String(initial.value), decimals: String(initial.decimals) }
      : {
          id: "",
          label: "",
          value: "",
          unit: "percent",
          decimals: "0",
          sourceOrganisation: "",
          sourceTitle: "",
          sample: "",
          publishedOn: "",
          url: "",
        },
  });
  const create = useMutation(trpc.pressKit.createManualFigure.mutationOptions());
  const update = useMutation(trpc.pressKit.updateManualFigure.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const rootError = errors.root?.server?.message ?? errors.root?.message;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await (initial ? update : create).mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() });
      onDone(`Chiffre cité « ${saved.id} » enregistré.`);
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });
  const field = (name: keyof Fields, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[name] && (
        <p className="field__error" role="alert">
          {errors[name]?.message}
        </p>
      )}
    </div>
  );
  const props = (name: keyof Fields, hint = false) => ({
    id: `${id}-${name}`,
    "aria-invalid": !!errors[name] || undefined,
    "aria-describedby": hint ? `${id}-${name}-hint` : undefined,
    ...form.register(name),
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={initial ? `Modifier le chiffre cité « ${initial.id} »` : "Nouveau chiffre cité"}
      className="catalog__form"
    >
      {field(
        "id",
        "Identifiant",
        <input type="text" readOnly={!!initial} {...props("id", true)} />,
        "Cité dans les textes par {{identifiant}} : minuscules, chiffres et tirets.",
      )}
      {field(
        "label",
        "Libellé",
        <input type="text" {...props("label", true)} />,
        "Lu après la valeur : « des internes déclarent des symptômes d'épuisement ».",
      )}
      {field("value", "Valeur", <input type="text" inputMode="decimal" {...props("value")} />)}
      {field(
        "unit",
        "Unité",
        <select {...props("unit")}>
          <option value="percent">Pourcentage</option>
          <option value="number">Nombre</option>
        </select>,
      )}
      {field(
        "decimals",
        "Décimales",
        <select {...props("decimals")}>
          <option value="0">0</option>
          <option value="1">1</option>
          <option value="2">2</option>
        </select>,
      )}
      <fieldset className="field">
        <legend>Provenance (obligatoire)</legend>
        {field(
          "sourceOrganisation",
          "Organisation source",
          <input {...props("sourceOrganisation")} />,
        )}
        {field(
          "sourceTitle",
          "Document source",
          <input type="text" {...props("sourceTitle", true)} />,
          "Titre de l'enquête, du rapport ou de l'article.",
        )}
        {field(
          "sample",
          "Échantillon",
          <input type="text" {...props("sample", true)} />,
          "Qui a répondu, combien : « 2 145 internes interrogé·es en ligne ».",
        )}
        {field(
          "publishedOn",
          "Date de publication",
          <input type="date" {...props("publishedOn")} />,
        )}
        {field("url", "Adresse (facultative)", <input type="url" {...props("url")} />)}
      </fieldset>
      <FormFooter error={rootError} submitting={isSubmitting} onCancel={() => onDone(null)} />
    </form>
  );
}

/**
 * The edition's manual key figures: quoted from someone else's publication (a partner's
 * survey, a ministry's report), typed in with their provenance and marked « chiffre cité »
 * wherever they show. The bureau creates, edits and deletes them; an archived edition's are read.
 */
export function ManualFigures({ year, readOnly }: { year: number; readOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const canEdit = !readOnly && hasRole(me.data?.role, MANUAL_FIGURE_EDITORS);
  const figures = useQuery(trpc.pressKit.manualFigures.queryOptions({ year }));
  const [editing, setEditing] = useState<ManualFigure | "new" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation(
    trpc.pressKit.deleteManualFigure.mutationOptions({
      onSuccess: ({ id }) => {
        setConfirming(null);
        setMessage(`Chiffre cité « ${id} » supprimé.`);
        return queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() });
      },
    }),
  );
  return (
    <section aria-labelledby="manual-figures">
      <div className="page-header">
        <h2 id="manual-figures">Chiffres cités (source externe) — édition {year}</h2>
        {canEdit && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setMessage(null);
              setEditing("new");
            }}
          >
            Nouveau chiffre cité
          </button>
        )}
      </div>
      <p className="muted">
        Un chiffre publié par un partenaire ou une institution, cité avec sa source, son échantillon
        et sa date ; le dossier de presse, les dossiers et les données ouvertes le marquent «{" "}
        {CITED_FIGURE_NOTE} ».
      </p>
      <div role="status">{message && <p className="notice notice--ok">{message}</p>}</div>
      {editing && (
        <ManualFigureForm
          key={editing === "new" ? "new" : editing.id}
          year={year}
          initial={editing === "new" ? null : editing}
          onDone={(m) => {
            setEditing(null);
            setMessage(m);
          }}
        />
      )}
      {(figures.error || remove.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(figures.error ?? remove.error)}
        </p>
      )}
      {figures.data?.length === 0 && (
        <EmptyState>
          Aucun chiffre cité pour cette édition.
          {canEdit && " Ajoutez-en un avec « Nouveau chiffre cité » ci-dessus, avec sa provenance."}
        </EmptyState>
      )}
      {figures.data && figures.data.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Chiffres cités</caption>
            <thead>
              <tr>
                <th scope="col">Chiffre</th>
                <th scope="col">Valeur et provenance</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.data.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <code>{f.id}</code> <span className="cited-badge">{CITED_FIGURE_NOTE}</span>
                  </th>
                  <td>
                    <strong>{formatFigure(f)}</strong> {f.label}
                    <br />
                    <small className="muted">{citationLine(citationOf(f))}</small>
                    {f.updatedAt && (
                      <>
                        <br />
                        <small className="muted">
                          Modifié{f.updatedBy ? ` par ${f.updatedBy}` : ""} le{" "}
                          {formatDateTime(f.updatedAt)}
                        </small>
                      </>
                    )}
                  </td>
                  <td>
                    {canEdit && confirming !== f.id && (
                      <>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            setMessage(null);
                            setEditing(f);
                          }}
                        >
                          Modifier
                        </button>{" "}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setConfirming(f.id)}
                        >
                          Supprimer
                        </button>
                      </>
                    )}
                    {canEdit && confirming === f.id && (
                      <>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ year, id: f.id })}
                        >
                          Confirmer la suppression
                        </button>{" "}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setConfirming(null)}
                        >
                          Annuler
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
