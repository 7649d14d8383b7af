import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EDITION_BUDGET_READERS, PROGRAMME_EDITORS } from "@tribune/domain/auth";
import {
  capitalise,
  formatDateTime,
  formatEditionDates,
  formatEuros,
  formatNumber,
} from "@tribune/domain/format";
import { useState } from "react";
import { Link } from "react-router";
import {
  type EditionView,
  searchWithYear,
  useEditions,
  useEditionsChanged,
} from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { EditorPanel } from "../../../ui/catalog/CatalogLayout";
import { EmptyState } from "../../../ui/EmptyState";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { EditionForm, type EditionPayload } from "../components/EditionForm";
import {
  blankFields,
  copyReportText,
  type EditionFields,
  fieldsFrom,
  fieldsOf,
  registrationWindowText,
} from "../components/editionForm";
import "./editions.css";

type Editing =
  | { kind: "create"; values: EditionFields }
  | { kind: "update"; edition: EditionView; values: EditionFields };

/** The state of an edition as a badge: en préparation, inscriptions ouvertes, en cours … */
export function EditionStateBadge({ edition }: { edition: EditionView }) {
  return (
    <span className={`edition-state edition-state--${edition.status.state}`}>
      {edition.status.label}
    </span>
  );
}

/**
 * /editions: every edition with its state; organisers and admin create one (blank or from a
 * previous one) and edit every field until it is archived; the admin archives one that is over.
 * The bureau reads the list, budgets included.
 */
export default function EditionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const role = me.data?.role;
  const canEdit = hasRole(role, PROGRAMME_EDITORS);
  const canArchive = role === "admin";
  const seesBudget = hasRole(role, EDITION_BUDGET_READERS);
  // The budget field: for those who both edit and may read it.
  const withBudget = canEdit && seesBudget;
  const editions = useEditions();
  const changed = useEditionsChanged();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<{ text: string; year?: number } | null>(null);
  const [archiving, setArchiving] = useState<EditionView | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const create = useMutation(trpc.edition.create.mutationOptions());
  const createFrom = useMutation(trpc.edition.createFrom.mutationOptions());
  const update = useMutation(trpc.edition.update.mutationOptions());
  const archive = useMutation(trpc.edition.archive.mutationOptions());

  /** The edition's registration quota, to fill the form with (null: no limit). */
  const capacityOf = async (edition: EditionView) =>
    (
      await queryClient.fetchQuery(
        trpc.registration.capacity.queryOptions({ editionId: edition.id }),
      )
    ).capacity;

  const open = async (make: () => Promise<Editing>) => {
    setStatus(null);
    setFailure(null);
    setLoading(true);
    try {
      setEditing(await make());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };
  /** A new edition's form: from the edition of `fromYear`, else blank (numbered after the latest). */
  const valuesFrom = async (fromYear: string | undefined): Promise<EditionFields> => {
    const source = editions.data?.find((e) => String(e.year) === fromYear);
    if (source) return fieldsFrom(source, await capacityOf(source));
    const latest = editions.data?.[0];
    return {
      ...blankFields(new Date()),
      ...(latest && { number: latest.number + 1, year: latest.year + 1 }),
    };
  };
  const startCreate = (fromYear?: string) =>
    open(async () => ({ kind: "create", values: await valuesFrom(fromYear) }));
  const startEdit = (edition: EditionView) =>
    open(async () => ({
      kind: "update",
      edition,
      values: fieldsOf(edition, await capacityOf(edition)),
    }));

  const save = async (payload: EditionPayload) => {
    if (payload.kind === "create") {
      const edition = await create.mutateAsync(payload.input);
      setStatus({ text: `Édition ${edition.year} créée.`, year: edition.year });
    } else if (payload.kind === "from") {
      const { edition, copied } = await createFrom.mutateAsync(payload.input);
      setStatus({ text: copyReportText(edition.year, copied), year: edition.year });
    } else {
      const edition = await update.mutateAsync(payload.input);
      setStatus({ text: `Édition ${edition.year} enregistrée.` });
    }
    await changed();
    setEditing(null);
  };

  const latest = editions.data?.[0];
  return (
    <section className="editions">
      <header className="editions__header">
        <div>
          <h1>Éditions du congrès</h1>
          <p className="muted editions__intro">
            Chaque congrès est une édition : ses salles, son programme, ses inscriptions et son
            dossier de presse. L'en-tête permet de choisir celle sur laquelle travailler.
          </p>
        </div>
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            disabled={loading}
            onClick={() => startCreate(latest ? String(latest.year) : undefined)}
          >
            Nouvelle édition
          </button>
        )}
      </header>

      <div role="status" className="editions__status">
        {status && (
          <p className="notice notice--ok">
            {status.text}{" "}
            {status.year !== undefined && (
              <Link to={{ pathname: "/programme", search: searchWithYear("", status.year) }}>
                Travailler sur l'édition {status.year}
              </Link>
            )}
          </p>
        )}
      </div>
      {failure && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}

      {editing && (
        <EditorPanel
          title={
            editing.kind === "create"
              ? "Nouvelle édition"
              : `Modifier l'édition ${editing.edition.year}`
          }
        >
          <EditionForm
            key={editing.kind === "create" ? "new" : editing.edition.id}
            mode={
              editing.kind === "create"
                ? { kind: "create" }
                : { kind: "update", id: editing.edition.id, initial: editing.values }
            }
            defaultValues={editing.values}
            editions={editions.data ?? []}
            withBudget={withBudget}
            valuesFrom={valuesFrom}
            save={save}
            onCancel={() => setEditing(null)}
          />
        </EditorPanel>
      )}

      {editions.error ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(editions.error)}
        </p>
      ) : !editions.data ? (
        <p className="muted">Chargement…</p>
      ) : editions.data.length === 0 ? (
        <EmptyState>
          Aucune édition n'existe encore.
          {canEdit
            ? " Créez la première avec « Nouvelle édition » ci-dessus."
            : " Le bureau national crée la première."}
        </EmptyState>
      ) : (
        <div className="editions__scroll">
          <table className="data editions__table">
            <caption className="visually-hidden">Éditions du congrès</caption>
            <thead>
              <tr>
                <th scope="col">Édition</th>
                <th scope="col">Thème</th>
                <th scope="col">Dates et lieu</th>
                <th scope="col">État</th>
                <th scope="col">Inscriptions</th>
                {seesBudget && (
                  <th scope="col" className="num">
                    Budget
                  </th>
                )}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {editions.data.map((edition) => (
                <tr
                  key={edition.id}
                  className={
                    editing?.kind === "update" && editing.edition.id === edition.id
                      ? "is-editing"
                      : undefined
                  }
                >
                  <th scope="row">
                    {edition.year}
                    <div className="muted small">{edition.number}e congrès</div>
                  </th>
                  <td>
                    {edition.theme}
                    {edition.subtitle && <div className="muted small">{edition.subtitle}</div>}
                  </td>
                  <td>
                    {capitalise(formatEditionDates(edition.firstDay, edition.lastDay))}
                    <div className="muted small">
                      {edition.venue}, {edition.city} · {formatNumber(edition.expectedAttendance)}{" "}
                      attendu·es
                    </div>
                  </td>
                  <td>
                    <EditionStateBadge edition={edition} />
                    {edition.archivedAt && (
                      <div className="muted small">le {formatDateTime(edition.archivedAt)}</div>
                    )}
                  </td>
                  <td>{capitalise(registrationWindowText(edition))}</td>
                  {seesBudget && (
                    <td className="num">
                      {"budgetEuros" in edition ? formatEuros(edition.budgetEuros) : "—"}
                    </td>
                  )}
                  <td className="actions">
                    <div className="catalog__row-actions">
                      <Link
                        className="button button--small"
                        to={{ pathname: "/programme", search: searchWithYear("", edition.year) }}
                      >
                        Ouvrir<span className="visually-hidden"> l'édition {edition.year}</span>
                      </Link>
                      {canEdit && !edition.status.readOnly && (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={loading}
                          onClick={() => startEdit(edition)}
                        >
                          Modifier<span className="visually-hidden"> l'édition {edition.year}</span>
                        </button>
                      )}
                      {canArchive && edition.status.state === "finished" && (
                        <button
                          type="button"
                          className="button button--small button--ghost-danger"
                          onClick={() => {
                            setStatus(null);
                            archive.reset();
                            setArchiving(edition);
                          }}
                        >
                          Archiver<span className="visually-hidden"> l'édition {edition.year}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {archiving && (
        <ConfirmDialog
          title={`Archiver l'édition ${archiving.year} ?`}
          onCancel={() => setArchiving(null)}
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => setArchiving(null)}
                disabled={archive.isPending}
              >
                Annuler
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={archive.isPending}
                onClick={async () => {
                  try {
                    const done = await archive.mutateAsync({ id: archiving.id });
                    await changed();
                    setArchiving(null);
                    setStatus({
                      text: `Édition ${done.year} archivée : elle se consulte, elle ne se modifie plus.`,
                    });
                  } catch {
                    // Shown in the dialog below.
                  }
                }}
              >
                {archive.isPending ? "Archivage…" : "Archiver"}
              </button>
            </>
          }
        >
          <p>
            Une édition archivée se consulte mais ne se modifie plus : programme, salles,
            inscriptions, ateliers, dossier de presse. C'est définitif.
          </p>
          {archive.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(archive.error)}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
