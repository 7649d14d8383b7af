import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatCount } from "@tribune/domain/format";
import {
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
  type Member,
  type MembershipStatus,
  YEAR_OF_TRAINING_LABELS,
  YEARS_OF_TRAINING,
} from "@tribune/domain/union";
import { useId, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { labelledOptions, SelectFilter } from "../../../ui/filters";
import { useMe } from "../../auth/hooks/useMe";
import { PagedTable, PeopleFilterBar, useSearchAndPage } from "../components/ListControls";
import { MemberForm } from "../components/MemberForm";
import { useSubdivisionOptions } from "../shared";
import "../registration.css";

const PAGE = 50;

const YEAR_OPTIONS = labelledOptions(YEARS_OF_TRAINING, YEAR_OF_TRAINING_LABELS);
const STATUS_OPTIONS = labelledOptions(MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS_LABELS);

/**
 * Members, searchable and filtered, added and edited here; a representative sees and manages
 * their own subdivision only.
 */
export default function MembersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isRepresentative = me.data?.role === "representative";
  const subdivisionId = isRepresentative ? undefined : params.get("subdivision") || undefined;
  const year = Number(params.get("annee")) || undefined;
  const status = (params.get("statut") || undefined) as MembershipStatus | undefined;
  const { search, setSearch, query, offset, setOffset } = useSearchAndPage(params.get("q") ?? "");
  const [editing, setEditing] = useState<Member | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const subdivisions = useSubdivisionOptions();
  const members = useQuery({
    ...trpc.member.list.queryOptions({
      subdivisionId,
      yearOfTraining: year,
      membershipStatus: status,
      search: query || undefined,
      limit: PAGE,
      offset,
    }),
    placeholderData: keepPreviousData,
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setOffset(0);
  };
  const total = members.data?.total ?? 0;
  const filtered = !!(subdivisionId || year || status || query);
  const clearFilters = () => {
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };
  const ownSubdivision = isRepresentative ? (me.data?.subdivisionId ?? null) : null;

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Adhérent·es</h1>
          {isRepresentative && (
            <p className="muted">
              Adhérent·es de votre subdivision ({subdivisions.nameOf(ownSubdivision ?? "")}).
            </p>
          )}
        </div>
        <div className="page-header__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing(editing === "new" ? null : "new")}
          >
            Ajouter un·e adhérent·e
          </button>
        </div>
      </header>
      <p className="notice notice--warning small">
        L'adhésion syndicale est une donnée sensible (RGPD, art. 9) : ne l'exportez ni ne la
        partagez hors de Tribune.
      </p>
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {editing && (
        <section className="card" aria-labelledby="member-form-title">
          <h2 id="member-form-title">
            {editing === "new"
              ? "Nouvel·le adhérent·e"
              : `Modifier ${editing.firstName} ${editing.lastName}`}
          </h2>
          <MemberForm
            key={editing === "new" ? "new" : editing.id}
            member={editing === "new" ? null : editing}
            fixedSubdivisionId={ownSubdivision}
            onCancel={() => setEditing(null)}
            onSaved={(member, created) => {
              setEditing(null);
              setNotice(
                `${member.firstName} ${member.lastName} ${created ? "ajouté·e" : "enregistré·e"}.`,
              );
              void queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
              void queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() });
            }}
          />
        </section>
      )}
      <PeopleFilterBar
        search={search}
        searchPlaceholder="Nom, prénom ou e-mail"
        onSearch={setSearch}
        subdivision={
          isRepresentative
            ? undefined
            : { value: subdivisionId ?? "", onChange: (value) => setParam("subdivision", value) }
        }
      >
        <SelectFilter
          label="Année"
          value={year ?? ""}
          anyLabel="Toutes"
          options={YEAR_OPTIONS}
          onChange={(value) => setParam("annee", value)}
        />
        <SelectFilter
          label="Adhésion"
          value={status ?? ""}
          anyLabel="Tous statuts"
          options={STATUS_OPTIONS}
          onChange={(value) => setParam("statut", value)}
        />
      </PeopleFilterBar>
      <PagedTable
        caption="Adhérent·es"
        query={members}
        total={total}
        counted={["adhérent·e", "adhérent·es"]}
        empty={
          filtered
            ? "Aucun·e adhérent·e ne correspond à cette recherche ou à ces filtres. Effacez-les pour revoir toute la liste."
            : "Aucun·e adhérent·e enregistré·e. Ajoutez-en avec « Ajouter un·e adhérent·e » ci-dessus, ou importez un fichier CSV ci-dessous."
        }
        onClear={filtered ? clearFilters : undefined}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
        headers={
          <>
            <th scope="col">Nom</th>
            <th scope="col">E-mail</th>
            <th scope="col">Subdivision</th>
            <th scope="col">Année</th>
            <th scope="col">Adhésion</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </>
        }
      >
        {(members.data?.items ?? []).map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.lastName.toLocaleUpperCase("fr-FR")} {m.firstName}
              {m.synthetic && <span className="badge badge--synthetic">synthétique</span>}
            </th>
            <td>{m.email}</td>
            <td>{subdivisions.nameOf(m.subdivisionId)}</td>
            <td className="nowrap">{YEAR_OF_TRAINING_LABELS[m.yearOfTraining]}</td>
            <td>
              {MEMBERSHIP_STATUS_LABELS[m.membershipStatus]} {m.membershipYear}
            </td>
            <td className="actions">
              <button type="button" className="button button--small" onClick={() => setEditing(m)}>
                Modifier
                <span className="visually-hidden">
                  {" "}
                  {m.firstName} {m.lastName}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </PagedTable>
      <MemberImport />
    </section>
  );
}

/** CSV import: a dry run shows every refused row in a table, then the valid rows are imported. */
function MemberImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const dryRun = useMutation(trpc.member.importCsv.mutationOptions());
  const apply = useMutation(
    trpc.member.importCsv.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() }),
        ]),
    }),
  );
  const report = dryRun.data;

  return (
    <section className="card import" aria-labelledby="import-title">
      <h2 id="import-title">Importer des adhérent·es (CSV)</h2>
      <p className="muted">
        Colonnes : prénom, nom, email, subdivision, année (1 à 4), et au choix statut (à jour, en
        attente, échue) et année d'adhésion. Séparateur virgule ou point-virgule. Un essai à blanc
        signale chaque ligne refusée ; rien n'est enregistré avant « Importer ».
      </p>
      <div className="field">
        <label htmlFor={fileId}>Fichier CSV</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            dryRun.reset();
            apply.reset();
            if (!file) return setCsv(null);
            const text = await file.text();
            setCsv({ name: file.name, text });
            dryRun.mutate({ csv: text, dryRun: true });
          }}
        />
      </div>
      {dryRun.isPending && <p className="muted">Vérification…</p>}
      {dryRun.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(dryRun.error)}
        </p>
      )}
      {report && csv && (
        <div role="status">
          <p>
            <strong>{csv.name}</strong> : {formatCount(report.rows, "ligne", "lignes")},{" "}
            <strong>{formatCount(report.valid, "valide", "valides")}</strong>,{" "}
            {formatCount(new Set(report.errors.map((e) => e.line)).size, "refusée", "refusées")}.
          </p>
          {report.errors.length > 0 && (
            <div className="table-scroll">
              <table className="data import__errors">
                <caption>Lignes refusées</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Ligne
                    </th>
                    <th scope="col">Champ</th>
                    <th scope="col">Motif</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e) => (
                    <tr key={`${e.line}-${e.code}-${e.field}`}>
                      <td className="num">{e.line}</td>
                      <td>{e.field ? (FIELD_LABELS[e.field] ?? e.field) : "fichier"}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      {report && csv && report.valid > 0 && !apply.data && (
        <button
          type="button"
          className="button button--primary"
          disabled={apply.isPending}
          onClick={() => apply.mutate({ csv: csv.text, dryRun: false })}
        >
          Importer {formatCount(report.valid, "ligne valide", "lignes valides")}
        </button>
      )}
      <div role="status">
        {apply.data && (
          <p className="notice notice--ok">
            {formatCount(apply.data.imported, "adhérent·e importé·e", "adhérent·es importé·es")}
            {apply.data.errors.length > 0 ? ", les lignes refusées ont été ignorées." : "."}
          </p>
        )}
      </div>
      {apply.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(apply.error)}
        </p>
      )}
    </section>
  );
}

const FIELD_LABELS: Record<string, string> = {
  firstName: "Prénom",
  lastName: "Nom",
  email: "E-mail",
  subdivision: "Subdivision",
  yearOfTraining: "Année",
  membershipStatus: "Statut",
  membershipYear: "Année d'adhésion",
};
