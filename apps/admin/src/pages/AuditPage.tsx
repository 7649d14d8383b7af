import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api";
import { AUDITED_ENTITIES, type AuditedEntity } from "@tribune/domain";
import { formatDateTime } from "@tribune/domain/format";
import { type FormEvent, type ReactNode, useId, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import {
  ACTION_LABELS,
  changedFields,
  ENTITY_LABELS,
  entityName,
  fieldLines,
  type NameLookup,
  namesFromEntries,
} from "../catalog/auditDiff";
import "../catalog/catalog.css";
import { useEdition } from "../edition";
import { errorMessage, useTRPC } from "../trpc";

type AuditEntry = RouterOutputs["audit"]["list"][number];

const PAGE = 100;
const MAX = 500;

const isEntity = (value: string | null): value is AuditedEntity =>
  (AUDITED_ENTITIES as readonly string[]).includes(value ?? "");

/** Names of the edition's rooms, speakers and partners, to read ids in the journal. */
function useNames(entries: readonly AuditEntry[] | undefined): NameLookup {
  const trpc = useTRPC();
  const edition = useEdition();
  const editionId = edition.data?.id;
  const rooms = useQuery(trpc.room.list.queryOptions(editionId ? { editionId } : skipToken));
  const speakers = useQuery(trpc.speaker.list.queryOptions());
  const partners = useQuery(trpc.partner.list.queryOptions());
  return useMemo(() => {
    const names = namesFromEntries(entries ?? []);
    for (const list of [rooms.data, speakers.data, partners.data]) {
      for (const item of list ?? []) names.set(item.id, item.name);
    }
    return names;
  }, [entries, rooms.data, speakers.data, partners.data]);
}

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
  const names = useNames(audit.data);

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
                {ENTITY_LABELS[value]}
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
            Adresse exacte, ou « système ».
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
        <p className="muted">
          {filtered ? "Aucune entrée ne correspond à ces filtres." : "Le journal est vide."}
        </p>
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
                <AuditRow key={entry.id} entry={entry} names={names} />
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

export function AuditRow({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const name = entityName(entry);
  return (
    <tr>
      <td className="audit__when">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>{entry.actorEmail ?? "système"}</td>
      <td>
        {ENTITY_LABELS[entry.entity]} · {ACTION_LABELS[entry.action]}
        {name && <span className="audit__name">{name}</span>}
      </td>
      <td>
        <AuditChanges entry={entry} names={names} />
      </td>
    </tr>
  );
}

/** The changed fields, "before → after", and every field on demand. */
export function AuditChanges({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const lines = fieldLines(entry, names);
  const changes = changedFields(entry, names);
  const both = Boolean(entry.before && entry.after);

  let summary: ReactNode;
  if (both) {
    summary =
      changes.length === 0 ? (
        <span className="muted">Aucun champ modifié.</span>
      ) : (
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
  } else if (entry.after) {
    summary = <span className="muted">Nouvelle fiche.</span>;
  } else if (entry.before) {
    summary = <span className="muted">Fiche supprimée.</span>;
  } else {
    summary = <span className="muted">—</span>;
  }

  if (lines.length === 0) return summary;
  return (
    <>
      {summary}
      <details>
        <summary>
          Détails<span className="visually-hidden"> de la {ACTION_LABELS[entry.action]}</span>
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
            {lines.map((line) => (
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
