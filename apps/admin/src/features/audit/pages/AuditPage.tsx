import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_PUBLIC_ACTOR,
  AUDIT_SYSTEM_ACTOR,
  AUDITED_ENTITIES,
  type AuditedEntity,
} from "@tribune/domain/audit";
import { formatDateTime } from "@tribune/domain/format";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useSearchParams } from "react-router";
import "../../../ui/catalog/catalog.css";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";

type AuditEntry = RouterOutputs["audit"]["list"][number];

const PAGE = 100;
const MAX = 500;

const isEntity = (value: string | null): value is AuditedEntity =>
  (AUDITED_ENTITIES as readonly string[]).includes(value ?? "");

export default function AuditPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const entityParam = params.get("entite");
  const entity = isEntity(entityParam) ? entityParam : undefined;
  const actorEmail = params.get("personne")?.trim() || undefined;
  const [limit, setLimit] = useState(PAGE);
  const [emailDraft, setEmailDraft] = useState(actorEmail ?? "");
  const entityId = useId();
  const emailId = useId();
  const emailHintId = useId();

  const audit = useQuery({
    ...trpc.audit.list.queryOptions({ entity, actorEmail, limit }),
    placeholderData: keepPreviousData,
  });

  function applyFilters(next: { entity?: string; person?: string }) {
    const updated = new URLSearchParams(params);
    for (const [key, value] of [
      ["entite", next.entity],
      ["personne", next.person],
    ] as const) {
      if (value === undefined) continue;
      if (value) updated.set(key, value);
      else updated.delete(key);
    }
    setLimit(PAGE);
    setParams(updated, { replace: true });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    applyFilters({ person: emailDraft.trim() });
  }

  const filtered = entity || actorEmail;
  const entries = audit.data;

  return (
    <section className="audit">
      <h1>Journal des modifications</h1>
      <p className="muted">
        Qui a changé quoi, et quand (heure de Paris). Les entrées les plus récentes en premier.
      </p>

      <form className="audit__filters" onSubmit={onSubmit} aria-label="Filtrer le journal">
        <div className="field">
          <label htmlFor={entityId}>Élément</label>
          <select
            id={entityId}
            value={entity ?? ""}
            onChange={(event) => applyFilters({ entity: event.target.value })}
          >
            <option value="">Tous les éléments</option>
            {AUDITED_ENTITIES.map((value) => (
              <option key={value} value={value}>
                {AUDIT_ENTITY_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={emailId}>Personne</label>
          <input
            id={emailId}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            placeholder="adresse e-mail"
            aria-describedby={emailHintId}
            value={emailDraft}
            onChange={(event) => setEmailDraft(event.target.value)}
          />
          <p id={emailHintId} className="field__hint">
            Adresse exacte, « {AUDIT_SYSTEM_ACTOR} » (ligne de commande) ou « {AUDIT_PUBLIC_ACTOR}{" "}
            ».
          </p>
        </div>
        <button type="submit" className="button button--primary">
          Filtrer
        </button>
        {filtered && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setEmailDraft("");
              applyFilters({ entity: "", person: "" });
            }}
          >
            Effacer les filtres
          </button>
        )}
      </form>

      <div role="status" className="visually-hidden">
        {entries &&
          `${entries.length} entrée${entries.length > 1 ? "s" : ""} affichée${entries.length > 1 ? "s" : ""}.`}
      </div>

      {audit.error ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(audit.error)}
        </p>
      ) : !entries ? (
        <p className="muted">Chargement…</p>
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState>
            Aucune entrée ne correspond à ces filtres. Élargissez-les, ou revoyez tout le journal
            avec « Effacer les filtres » ci-dessus.
          </EmptyState>
        ) : (
          <EmptyState>
            Le journal est vide : chaque modification faite dans Tribune y sera inscrite.
          </EmptyState>
        )
      ) : (
        <div className="catalog__list">
          <table className="data" aria-busy={audit.isFetching || undefined}>
            <caption className="visually-hidden">Journal des modifications</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Quoi</th>
                <th scope="col">Modifications</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
          {entries.length === limit && limit < MAX && (
            <button
              type="button"
              className="button audit__more"
              onClick={() => setLimit((n) => Math.min(MAX, n + PAGE))}
              disabled={audit.isFetching}
            >
              Afficher les entrées plus anciennes
            </button>
          )}
        </div>
      )}
    </section>
  );
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { description } = entry;
  return (
    <tr>
      <td className="audit__when">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>{description.actor}</td>
      <td>
        {description.what}
        {description.name && <span className="audit__name">{description.name}</span>}
      </td>
      <td>
        <AuditChanges entry={entry} />
      </td>
    </tr>
  );
}

/**
 * What happened: a sentence when the fields do not say it (an arrival, an export, a sign-up),
 * the changed fields "avant → après", and every field on demand. All worked out by the server
 * (`describeAuditEntry`): labels in French, names instead of ids, Paris times.
 */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { summary, changes, fields } = entry.description;
  const both = Boolean(entry.before && entry.after);
  const created = !entry.before && Boolean(entry.after);

  let body: ReactNode;
  if (both && changes.length > 0) {
    body = (
      <ul className="audit__changes">
        {changes.map((line) => (
          <li key={line.key}>
            <span className="audit__field">{line.label} :</span>{" "}
            <span className="audit__before">{line.before}</span>
            <span className="audit__arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden">devient</span>
            <span>{line.after}</span>
          </li>
        ))}
      </ul>
    );
  } else if (!summary) {
    body = (
      <span className="muted">
        {both
          ? "Aucun champ modifié."
          : created
            ? `Création${entry.description.name ? ` de « ${entry.description.name} »` : ""}.`
            : entry.before
              ? `Suppression${entry.description.name ? ` de « ${entry.description.name} »` : ""}.`
              : "—"}
      </span>
    );
  }

  const content = (
    <>
      {summary && <p className="audit__summary">{summary}</p>}
      {body}
    </>
  );
  if (fields.length === 0) return content;
  return (
    <>
      {content}
      <details>
        <summary>
          Détails
          <span className="visually-hidden"> de la {AUDIT_ACTION_LABELS[entry.action]}</span>
        </summary>
        <table className="audit__details">
          <thead>
            <tr>
              <th scope="col">Champ</th>
              {both ? (
                <>
                  <th scope="col">Avant</th>
                  <th scope="col">Après</th>
                </>
              ) : (
                <th scope="col">{entry.after ? "Valeur" : "Dernière valeur"}</th>
              )}
            </tr>
          </thead>
          <tbody>
            {fields.map((line) => (
              <tr key={line.key} className={both && line.changed ? "is-changed" : undefined}>
                <th scope="row">
                  {line.label}
                  {both && line.changed && <span className="visually-hidden"> (modifié)</span>}
                </th>
                {both ? (
                  <>
                    <td>{line.before}</td>
                    <td>{line.after}</td>
                  </>
                ) : (
                  <td>{entry.after ? line.after : line.before}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
