import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { REGISTRATION_MANAGERS } from "@tribune/domain/auth";
import { formatCount, formatDateTime, formatNumber, pluralForm } from "@tribune/domain/format";
import {
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type Registration,
  type RegistrationStatus,
} from "@tribune/domain/union";
import { useState } from "react";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ArchivedNotice } from "../../../ui/ArchivedNotice";
import { labelledOptions, SelectFilter } from "../../../ui/filters";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { PagedTable, PeopleFilterBar, useSearchAndPage } from "../components/ListControls";
import { OrganiserDocuments } from "../components/OrganiserDocuments";
import { RegistrationEditForm } from "../components/RegistrationEditForm";
import { RegistrationForm } from "../components/RegistrationForm";
import { SessionSignupsPanel } from "../components/SessionSignupsPanel";
import { downloadText, StatusBadge, useSubdivisionOptions } from "../shared";
import "../registration.css";

const PAGE = 100;
const STATUS_OPTIONS = labelledOptions(REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS);

/** Registrations of the chosen edition: filters, export, capacity, registering by hand. */
export default function RegistrationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const manager = hasRole(me.data?.role, REGISTRATION_MANAGERS);
  const edition = useEdition();
  const editionId = edition.data?.id;
  // An archived edition's registrations read and export, never change.
  const canChange = manager && !edition.readOnly;
  const subdivisions = useSubdivisionOptions();
  const [subdivisionId, setSubdivisionId] = useState("");
  const [status, setStatus] = useState<RegistrationStatus | "">("");
  const { search, setSearch, query, offset, setOffset } = useSearchAndPage();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Registration | null>(null);
  const filters = {
    subdivisionId: subdivisionId || undefined,
    status: status || undefined,
  };
  const list = useQuery({
    ...trpc.registration.list.queryOptions(
      editionId
        ? { editionId, ...filters, search: query || undefined, limit: PAGE, offset }
        : skipToken,
    ),
    placeholderData: keepPreviousData,
  });
  const capacity = useQuery(
    trpc.registration.capacity.queryOptions(editionId && manager ? { editionId } : skipToken),
  );
  const refresh = () =>
    Promise.all(
      [trpc.registration, trpc.checkIn].map((r) =>
        queryClient.invalidateQueries({ queryKey: r.pathKey() }),
      ),
    );
  const exportCsv = useMutation(
    trpc.registration.export.mutationOptions({
      onSuccess: (result) => {
        downloadText(result.filename, result.csv);
        setNotice(
          `${formatCount(result.rows, "inscription exportée", "inscriptions exportées")} dans ${result.filename}.`,
        );
      },
    }),
  );
  const cancel = useMutation(
    trpc.registration.cancel.mutationOptions({
      onSuccess: ({ registration, promoted }) => {
        setNotice(
          `Inscription de ${registration.firstName} ${registration.lastName} annulée.${
            promoted.length > 0
              ? ` ${pluralForm(promoted.length, "Place attribuée", "Places attribuées")} à ${promoted.map((p) => `${p.firstName} ${p.lastName}`).join(", ")}.`
              : ""
          }`,
        );
        return refresh();
      },
    }),
  );
  // Organisers take a check-in back at any time (the desk, within a few minutes).
  const undoArrival = useMutation(
    trpc.checkIn.undo.mutationOptions({
      onSuccess: (r) => {
        setNotice(`Arrivée de ${r.firstName} ${r.lastName} annulée : place toujours réservée.`);
        return refresh();
      },
    }),
  );
  const total = list.data?.total ?? 0;
  const filtered = !!(subdivisionId || status || query);
  const clearFilters = () => {
    setSearch("");
    setSubdivisionId("");
    setStatus("");
  };
  const isRepresentative = me.data?.role === "representative";

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Inscriptions {edition.data ? `au congrès ${edition.data.year}` : ""}</h1>
          {capacity.data && (
            <p className="muted">
              {formatCount(capacity.data.confirmed, "place confirmée", "places confirmées")}
              {capacity.data.capacity !== null
                ? ` sur ${formatNumber(capacity.data.capacity)}`
                : ""}{" "}
              · {formatNumber(capacity.data.waitlisted)} en liste d'attente ·{" "}
              {formatCount(capacity.data.checkedIn, "arrivé·e", "arrivé·es")}
            </p>
          )}
        </div>
        <div className="page-header__actions">
          {canChange && (
            <button type="button" className="button" onClick={() => setAdding((v) => !v)}>
              {adding ? "Fermer" : "Inscrire quelqu'un"}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={!editionId || exportCsv.isPending}
            onClick={() => editionId && exportCsv.mutate({ editionId, ...filters })}
          >
            Exporter en CSV
          </button>
        </div>
      </header>
      <ArchivedNotice edition={edition.data} />
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {(exportCsv.error || cancel.error || undoArrival.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(exportCsv.error ?? cancel.error ?? undoArrival.error)}
        </p>
      )}
      {canChange && edition.data && <OrganiserDocuments year={edition.data.year} />}
      {editing && canChange && (
        <RegistrationEditForm
          key={editing.id}
          registration={editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setNotice(`Inscription de ${r.firstName} ${r.lastName} corrigée (code ${r.code}).`);
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {adding && canChange && editionId && (
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title">Inscrire quelqu'un</h2>
          <RegistrationForm
            editionId={editionId}
            mode="organiser"
            onRegistered={(r) => {
              setNotice(
                `${r.firstName} inscrit·e (code ${r.code}, ${REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus].toLowerCase()}).`,
              );
              setAdding(false);
              void refresh();
            }}
          />
        </section>
      )}
      <PeopleFilterBar
        search={search}
        searchPlaceholder="Nom, e-mail ou code"
        onSearch={setSearch}
        subdivision={
          isRepresentative
            ? undefined
            : {
                value: subdivisionId,
                onChange: (value) => {
                  setSubdivisionId(value);
                  setOffset(0);
                },
              }
        }
      >
        <SelectFilter
          label="Statut"
          value={status}
          anyLabel="Tous"
          options={STATUS_OPTIONS}
          onChange={(value) => {
            setStatus(value as RegistrationStatus | "");
            setOffset(0);
          }}
        />
      </PeopleFilterBar>
      <PagedTable
        caption="Inscriptions"
        query={list}
        total={total}
        counted={["inscription", "inscriptions"]}
        empty={
          filtered
            ? "Aucune inscription ne correspond à cette recherche ou à ces filtres. Effacez-les pour revoir toutes les inscriptions."
            : canChange
              ? "Aucune inscription pour cette édition. Partagez le formulaire public d'inscription, ou inscrivez quelqu'un avec « Inscrire quelqu'un » ci-dessus."
              : "Aucune inscription pour cette édition."
        }
        onClear={filtered ? clearFilters : undefined}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
        headers={
          <>
            <th scope="col">Nom</th>
            <th scope="col">Code</th>
            <th scope="col">Subdivision</th>
            <th scope="col">Statut</th>
            <th scope="col">Options</th>
            <th scope="col">Inscription</th>
            {manager && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </>
        }
      >
        {(list.data?.items ?? []).map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.lastName.toLocaleUpperCase("fr-FR")} {r.firstName}
              <div className="muted small">{r.email}</div>
            </th>
            <td className="mono">{r.code}</td>
            <td>{subdivisions.nameOf(r.subdivisionId)}</td>
            <td>
              <StatusBadge status={r.status} />
              {r.waitlistPosition !== null && (
                <span className="muted small"> n° {r.waitlistPosition}</span>
              )}
            </td>
            <td>{[r.meals && "repas", r.gala && "gala"].filter(Boolean).join(", ") || "—"}</td>
            <td>{formatDateTime(r.registeredAt)}</td>
            {manager && (
              <td className="actions">
                {canChange && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setEditing(r)}
                  >
                    Modifier
                    <span className="visually-hidden">
                      {" "}
                      {r.firstName} {r.lastName}
                    </span>
                  </button>
                )}
                {canChange && r.status === "checked_in" && (
                  <button
                    type="button"
                    className="button button--small button--ghost-danger"
                    disabled={undoArrival.isPending}
                    onClick={() => {
                      if (window.confirm(`Annuler l'arrivée de ${r.firstName} ${r.lastName} ?`))
                        undoArrival.mutate({ registrationId: r.id });
                    }}
                  >
                    Annuler l'arrivée
                    <span className="visually-hidden">
                      {" "}
                      de {r.firstName} {r.lastName}
                    </span>
                  </button>
                )}
                {canChange && (r.status === "registered" || r.status === "waitlisted") && (
                  <button
                    type="button"
                    className="button button--small button--ghost-danger"
                    disabled={cancel.isPending}
                    onClick={() => {
                      if (window.confirm(`Annuler l'inscription de ${r.firstName} ${r.lastName} ?`))
                        cancel.mutate({ id: r.id });
                    }}
                  >
                    Annuler
                    <span className="visually-hidden">
                      {" "}
                      {r.firstName} {r.lastName}
                    </span>
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </PagedTable>
      {editionId && manager && (
        <SessionSignupsPanel editionId={editionId} manager={manager} readOnly={edition.readOnly} />
      )}
    </section>
  );
}
