import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { DOSSIER_EDITORS } from "@tribune/domain/auth";
import {
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  type DossierStatus,
  DossierUpdate,
  PILLAR_LABELS,
} from "@tribune/domain/dossiers";
import { formatDate } from "@tribune/domain/format";
import {
  blocksToText,
  citationLine,
  PILLAR_IDS,
  type PillarId,
  textToBlocks,
} from "@tribune/domain/press-kit";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useSearchParams } from "react-router";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { EmptyState } from "../../../ui/EmptyState";
import { FilterBar, SelectFilter } from "../../../ui/filters";
import { apiResolver, showServerError } from "../../../ui/forms";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import "../../../ui/catalog/catalog.css";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { RichBody, summaryRepeatsBody } from "../components/RichBody";
import "./dossiers.css";

type Dossier = RouterOutputs["dossier"]["get"];
type Fields = {
  title: string;
  status: DossierStatus;
  summary: string;
  body: string;
  position: string;
  figureIds: string[];
};
const FIELDS = ["title", "status", "summary", "body", "position", "figureIds"] as const;

const isPillar = (v: string | null): v is PillarId =>
  (PILLAR_IDS as readonly string[]).includes(v ?? "");
const isStatus = (v: string | null): v is DossierStatus =>
  (DOSSIER_STATUSES as readonly string[]).includes(v ?? "");

export default function DossiersPage() {
  const trpc = useTRPC();
  const me = useMe();
  const canEdit = hasRole(me.data?.role, DOSSIER_EDITORS);
  const [params, setParams] = useSearchParams();
  const pillar = isPillar(params.get("pilier")) ? (params.get("pilier") as PillarId) : undefined;
  const status = isStatus(params.get("statut"))
    ? (params.get("statut") as DossierStatus)
    : undefined;
  const selected = params.get("dossier");

  const list = useQuery(trpc.dossier.list.queryOptions({ pillar, status }));

  function setParam(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== "dossier" });
  }

  return (
    <section className="dossiers">
      <h1>Dossiers</h1>
      <p className="muted">Les combats et actions du syndicat, par pilier du dossier de presse.</p>
      <FilterBar>
        <SelectFilter
          label="Filtrer par pilier"
          value={pillar ?? ""}
          anyLabel="Tous"
          options={PILLAR_IDS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
          onChange={(value) => setParam("pilier", value || null)}
        />
        <SelectFilter
          label="Filtrer par statut"
          value={status ?? ""}
          anyLabel="Tous"
          options={DOSSIER_STATUSES.map((s) => ({ value: s, label: DOSSIER_STATUS_LABELS[s] }))}
          onChange={(value) => setParam("statut", value || null)}
        />
      </FilterBar>
      {list.isError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(list.error)}
        </p>
      )}
      <div className="dossiers__layout">
        <div>
          {PILLAR_IDS.filter((p) => !pillar || p === pillar).map((p) => {
            const items = (list.data ?? []).filter((d) => d.pillar === p);
            return (
              <section key={p} aria-labelledby={`pilier-${p}`}>
                <h2 id={`pilier-${p}`}>{PILLAR_LABELS[p]}</h2>
                {items.length === 0 && list.isPending ? (
                  <p className="muted">Chargement…</p>
                ) : items.length === 0 ? (
                  status ? (
                    <EmptyState onClear={() => setParam("statut", null)}>
                      Aucun dossier « {DOSSIER_STATUS_LABELS[status].toLocaleLowerCase("fr-FR")} »
                      dans ce pilier.
                    </EmptyState>
                  ) : (
                    <EmptyState>Aucun dossier dans ce pilier pour l'instant.</EmptyState>
                  )
                ) : (
                  <ul className="dossiers__list">
                    {items.map((d) => (
                      <li key={d.id}>
                        <button
                          type="button"
                          className="link-button"
                          aria-current={selected === d.id || undefined}
                          onClick={() => setParam("dossier", d.id)}
                        >
                          {d.title}
                        </button>{" "}
                        <span className={`badge badge--${d.status}`}>
                          {DOSSIER_STATUS_LABELS[d.status]}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
        {selected && (
          <DossierDetail
            id={selected}
            canEdit={canEdit}
            onClose={() => setParam("dossier", null)}
          />
        )}
      </div>
    </section>
  );
}

/** The figures a text may quote, valued for the edition chosen in the header (else the current). */
function useEditionFigures() {
  const trpc = useTRPC();
  const { year } = useEdition();
  return useQuery(trpc.pressKit.figures.queryOptions(year === null ? undefined : { year }));
}

function DossierDetail({
  id,
  canEdit,
  onClose,
}: {
  id: string;
  canEdit: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const dossier = useQuery(trpc.dossier.get.queryOptions({ id }));
  // What the PDF prints for each {{figure}}; until it comes, figures read "[chiffre à venir]".
  const figures = useEditionFigures();
  const figuresById = figures.data && new Map(figures.data.map((f) => [f.id, f]));
  const [editing, setEditing] = useState(false);
  if (dossier.isPending) return <p className="muted">Chargement…</p>;
  if (dossier.isError)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(dossier.error)}
      </p>
    );
  const d = dossier.data;
  return (
    <article className="dossier" aria-labelledby="dossier-title">
      <header>
        <p className="muted">
          {PILLAR_LABELS[d.pillar]} · {DOSSIER_STATUS_LABELS[d.status]}
        </p>
        <h2 id="dossier-title">{d.title}</h2>
      </header>
      {editing ? (
        <DossierForm dossier={d} onDone={() => setEditing(false)} />
      ) : (
        <>
          {!summaryRepeatsBody(d.summary, d.body) && (
            <p>
              <strong>Résumé presse :</strong> {d.summary}
            </p>
          )}
          <RichBody blocks={d.body} figures={figuresById} />
          {d.partners.length > 0 && <p>Partenaires : {d.partners.join(", ")}</p>}
          {d.figureIds.length > 0 && (
            <>
              <h3>Chiffres clés mis en avant</h3>
              <ul className="dossier__key-figures">
                {d.figureIds.map((figureId) => {
                  const figure = figuresById?.get(figureId);
                  return (
                    <li key={figureId}>
                      <strong>{figure?.printed ?? "chiffre à venir"}</strong>{" "}
                      {figure?.label ?? figureId}
                      {figure?.citation && (
                        <small className="dossier__citation">
                          {" "}
                          {citationLine(figure.citation)}
                        </small>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <h3>Chronologie</h3>
          {d.events.length === 0 ? (
            <p className="muted">Aucun événement daté.</p>
          ) : (
            <ol className="dossier__timeline">
              {d.events.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.date}>{formatDate(e.date)}</time> — {e.label}
                </li>
              ))}
            </ol>
          )}
          <p>Motions liées : {d.motionIds.length}</p>
          <div className="catalog__actions">
            {canEdit && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEditing(true)}
              >
                Modifier
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              Fermer
            </button>
          </div>
        </>
      )}
    </article>
  );
}

function DossierForm({ dossier, onDone }: { dossier: Dossier; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = {
    title: useId(),
    status: useId(),
    summary: useId(),
    body: useId(),
    bodyHint: useId(),
    position: useId(),
    figuresHint: useId(),
  };
  const figures = useEditionFigures();
  const form = useForm<Fields, unknown, DossierUpdate>({
    resolver: apiResolver<Fields, DossierUpdate>(
      DossierUpdate,
      (v) => ({
        ...v,
        id: dossier.id,
        body: textToBlocks(v.body),
        position: v.position.trim() === "" ? Number.NaN : Number(v.position),
      }),
      FIELDS,
    ),
    defaultValues: {
      title: dossier.title,
      status: dossier.status,
      summary: dossier.summary,
      body: blocksToText(dossier.body),
      position: String(dossier.position),
      figureIds: dossier.figureIds,
    },
  });
  const update = useMutation(trpc.dossier.update.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.dossier.pathKey() });
      onDone();
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Modifier le dossier">
      <div className="field">
        <label htmlFor={ids.title}>Titre</label>
        <input
          id={ids.title}
          type="text"
          aria-invalid={!!errors.title || undefined}
          {...form.register("title")}
        />
        {errors.title && (
          <p className="field__error" role="alert">
            {errors.title.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.status}>Statut</label>
        <select id={ids.status} {...form.register("status")}>
          {DOSSIER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DOSSIER_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.summary}>Résumé presse</label>
        <textarea
          id={ids.summary}
          rows={4}
          aria-invalid={!!errors.summary || undefined}
          {...form.register("summary")}
        />
        {errors.summary && (
          <p className="field__error" role="alert">
            {errors.summary.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.body}>Texte (repris dans le dossier de presse)</label>
        <p className="field__hint" id={ids.bodyHint}>
          Paragraphes séparés par une ligne vide · **gras** · une ligne commençant par « - » pour
          une liste, par « # » pour une étiquette · {"{{identifiant}}"} pour un chiffre clé.
        </p>
        <textarea
          id={ids.body}
          rows={10}
          aria-describedby={ids.bodyHint}
          aria-invalid={!!errors.body || undefined}
          {...form.register("body")}
        />
        {errors.body && (
          <p className="field__error" role="alert">
            {errors.body.message}
          </p>
        )}
      </div>
      <fieldset className="field dossier-figures" aria-describedby={ids.figuresHint}>
        <legend>Chiffres clés mis en avant</legend>
        <p className="field__hint" id={ids.figuresHint}>
          Imprimés en grand sous le texte, qui doit citer chacun d'eux ({"{{identifiant}}"}). Les
          chiffres clés publiés depuis la page des enquêtes s'ajoutent à cette liste.
        </p>
        {figures.isError && (
          <p role="alert" className="notice notice--error">
            {errorMessage(figures.error)}
          </p>
        )}
        {figures.data && (
          <ul className="dossier-figures__list">
            {[
              // A figure linked before it was unpublished stays listed, so it can be unlinked.
              ...figures.data,
              ...dossier.figureIds
                .filter((id) => !figures.data.some((f) => f.id === id))
                .map((id) => ({ id, label: "chiffre clé non publié" })),
            ].map((figure) => (
              <li key={figure.id}>
                <label>
                  <input type="checkbox" value={figure.id} {...form.register("figureIds")} />
                  <span>
                    <code>{figure.id}</code> — {figure.label}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.position}>Rang dans le pilier</label>
        <input
          id={ids.position}
          type="number"
          min={0}
          step={1}
          aria-invalid={!!errors.position || undefined}
          {...form.register("position")}
        />
        {errors.position && (
          <p className="field__error" role="alert">
            {errors.position.message}
          </p>
        )}
      </div>
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
