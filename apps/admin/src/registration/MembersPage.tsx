import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  YEAR_OF_TRAINING_LABELS,
  YEARS_OF_TRAINING,
} from "@tribune/domain";
import { useDeferredValue, useId, useState } from "react";
import { useSearchParams } from "react-router";
import { useMe } from "../auth/useMe";
import { errorMessage, useTRPC } from "../trpc";
import { formatCount, useSubdivisionOptions } from "./shared";
import "./registration.css";

const PAGE = 50;

/** Members, searchable and filtered; a representative sees their own subdivision only. */
export default function MembersPage() {
  const trpc = useTRPC();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isRepresentative = me.data?.role === "representative";
  const subdivisionId = isRepresentative ? undefined : params.get("subdivision") || undefined;
  const year = Number(params.get("annee")) || undefined;
  const status = (params.get("statut") || undefined) as MembershipStatus | undefined;
  const [search, setSearch] = useState(params.get("q") ?? "");
  const deferred = useDeferredValue(search.trim());
  const [offset, setOffset] = useState(0);
  const subdivisions = useSubdivisionOptions();
  const members = useQuery({
    ...trpc.member.list.queryOptions({
      subdivisionId,
      yearOfTraining: year,
      membershipStatus: status,
      search: deferred || undefined,
      limit: PAGE,
      offset,
    }),
    placeholderData: keepPreviousData,
  });
  const ids = { search: useId(), subdivision: useId(), year: useId(), status: useId() };
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setOffset(0);
  };
  const total = members.data?.total ?? 0;

  return (
    <section>
      <h1>Adhérent·es</h1>
      {isRepresentative && (
        <p className="muted">
          Adhérent·es de votre subdivision ({subdivisions.nameOf(me.data?.subdivisionId ?? "")}).
        </p>
      )}
      <p className="notice notice--warning small">
        L'adhésion syndicale est une donnée sensible (RGPD, art. 9) : ne l'exportez ni ne la
        partagez hors de Tribune.
      </p>
      <search className="filters">
        <div className="field">
          <label htmlFor={ids.search}>Rechercher</label>
          <input
            id={ids.search}
            type="search"
            value={search}
            placeholder="Nom, prénom ou e-mail"
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        {!isRepresentative && (
          <div className="field">
            <label htmlFor={ids.subdivision}>Subdivision</label>
            <select
              id={ids.subdivision}
              value={subdivisionId ?? ""}
              onChange={(e) => setParam("subdivision", e.target.value)}
            >
              <option value="">Toutes</option>
              {(subdivisions.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.year}>Année</label>
          <select
            id={ids.year}
            value={year ?? ""}
            onChange={(e) => setParam("annee", e.target.value)}
          >
            <option value="">Toutes</option>
            {YEARS_OF_TRAINING.map((y) => (
              <option key={y} value={y}>
                {YEAR_OF_TRAINING_LABELS[y]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Adhésion</label>
          <select
            id={ids.status}
            value={status ?? ""}
            onChange={(e) => setParam("statut", e.target.value)}
          >
            <option value="">Tous statuts</option>
            {MEMBERSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {MEMBERSHIP_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </search>

      {members.error ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(members.error)}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {members.isPending ? "Chargement…" : `${formatCount(total)} adhérent·e(s)`}
          </p>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Adhérent·es</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Subdivision</th>
                  <th scope="col">Année</th>
                  <th scope="col">Adhésion</th>
                </tr>
              </thead>
              <tbody>
                {(members.data?.items ?? []).map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.lastName.toLocaleUpperCase("fr-FR")} {m.firstName}
                      {m.synthetic && <span className="badge badge--synthetic">synthétique</span>}
                    </th>
                    <td>{m.email}</td>
                    <td>{subdivisions.nameOf(m.subdivisionId)}</td>
                    <td>{YEAR_OF_TRAINING_LABELS[m.yearOfTraining]}</td>
                    <td>
                      {MEMBERSHIP_STATUS_LABELS[m.membershipStatus]} {m.membershipYear}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} total={total} onChange={setOffset} />
        </>
      )}
      <MemberImport />
    </section>
  );
}

export function Pager({
  offset,
  total,
  onChange,
  size = PAGE,
}: {
  offset: number;
  total: number;
  onChange: (offset: number) => void;
  size?: number;
}) {
  if (total <= size) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - size))}
      >
        Précédents
      </button>
      <span>
        {formatCount(offset + 1)}–{formatCount(Math.min(total, offset + size))} sur{" "}
        {formatCount(total)}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset + size >= total}
        onClick={() => onChange(offset + size)}
      >
        Suivants
      </button>
    </nav>
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
            <strong>{csv.name}</strong> : {formatCount(report.rows)} ligne(s),{" "}
            <strong>{formatCount(report.valid)} valide(s)</strong>,{" "}
            {formatCount(new Set(report.errors.map((e) => e.line)).size)} refusée(s).
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
          Importer les {formatCount(report.valid)} ligne(s) valide(s)
        </button>
      )}
      <div role="status">
        {apply.data && (
          <p className="notice notice--ok">
            {formatCount(apply.data.imported)} adhérent·e(s) importé·e(s)
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
