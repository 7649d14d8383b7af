import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { LIVE_VIEWERS, MEMBER_MANAGERS, SUBDIVISION_EDITORS } from "@tribune/domain/auth";
import { formatNumber } from "@tribune/domain/format";
import { useState } from "react";
import { Link } from "react-router";
import { useEdition } from "../../../app/edition";
import { useTRPC } from "../../../app/trpc";
import { QueryState } from "../../../ui/catalog/CatalogLayout";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { SubdivisionForm } from "../components/SubdivisionForm";
import "../registration.css";
import "./SubdivisionsPage.css";

/** The federation's subdivisions with their members, representatives and registrations. */
export default function SubdivisionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const edition = useEdition();
  const editionId = edition.data?.id;
  const subdivisions = useQuery(trpc.subdivision.list.queryOptions());
  const showRegistrations = hasRole(me.data?.role, LIVE_VIEWERS);
  const counts = useQuery(
    trpc.registration.counts.queryOptions(
      editionId && showRegistrations ? { editionId } : skipToken,
    ),
  );
  const countsOf = new Map((counts.data?.bySubdivision ?? []).map((c) => [c.subdivisionId, c]));
  const canOpen = (id: string) =>
    hasRole(me.data?.role, MEMBER_MANAGERS) &&
    (me.data?.role !== "representative" || me.data.subdivisionId === id);
  const totalDeclared = (subdivisions.data ?? []).reduce((n, s) => n + s.declaredMembers, 0);

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Subdivisions</h1>
          <p className="muted">
            Les {subdivisions.data?.length ?? "…"} structures locales de la fédération :{" "}
            {formatNumber(totalDeclared)} adhérent·es déclaré·es.
          </p>
        </div>
        {hasRole(me.data?.role, SUBDIVISION_EDITORS) && (
          <div className="page-header__actions">
            <button
              type="button"
              className="button button--primary"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              Nouvelle subdivision
            </button>
          </div>
        )}
      </header>
      <div role="status">{notice && <p className="notice notice--ok">{notice}</p>}</div>
      {adding && (
        <section className="card subdivision-new" aria-labelledby="subdivision-form-title">
          <h2 id="subdivision-form-title">Nouvelle subdivision</h2>
          <p className="muted small">
            Une subdivision que l'union a admise dans la fédération : elle apparaît aussitôt dans la
            liste du formulaire d'inscription au congrès.
          </p>
          <SubdivisionForm
            onCancel={() => setAdding(false)}
            onSaved={(created) => {
              setAdding(false);
              setNotice(`${created.name} ajoutée : elle figure sur le formulaire d'inscription.`);
              void queryClient.invalidateQueries({ queryKey: trpc.subdivision.pathKey() });
            }}
          />
        </section>
      )}
      <QueryState
        query={subdivisions}
        empty={
          hasRole(me.data?.role, SUBDIVISION_EDITORS)
            ? "Aucune subdivision n'est enregistrée. Ajoutez la première avec « Nouvelle subdivision » ci-dessus."
            : "Aucune subdivision n'est enregistrée : le bureau national les ajoute."
        }
      >
        {(list) => (
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Subdivisions et effectifs</caption>
              <thead>
                <tr>
                  <th scope="col">Subdivision</th>
                  <th scope="col">Structure locale</th>
                  <th scope="col" className="num">
                    Adhérent·es déclaré·es
                  </th>
                  <th scope="col" className="num">
                    Fiches adhérent·es
                  </th>
                  <th scope="col" className="num">
                    Représentant·es
                  </th>
                  {showRegistrations && (
                    <>
                      <th scope="col" className="num">
                        Inscrit·es {edition.data?.year}
                      </th>
                      <th scope="col" className="num">
                        Arrivé·es
                      </th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {canOpen(s.id) ? <Link to={`/subdivisions/${s.id}`}>{s.name}</Link> : s.name}
                    </th>
                    <td>
                      {s.unionName || s.university ? (
                        <>
                          {s.unionName}
                          <div className="muted small">{s.university}</div>
                        </>
                      ) : (
                        <span className="muted small">À compléter</span>
                      )}
                    </td>
                    <td className="num">{formatNumber(s.declaredMembers)}</td>
                    <td className="num">{formatNumber(s.members)}</td>
                    <td className="num">{s.representatives}</td>
                    {showRegistrations && (
                      <>
                        <td className="num">{formatNumber(countsOf.get(s.id)?.confirmed ?? 0)}</td>
                        <td className="num">{formatNumber(countsOf.get(s.id)?.checkedIn ?? 0)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
